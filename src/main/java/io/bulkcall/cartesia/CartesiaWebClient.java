package io.bulkcall.cartesia;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.bulkcall.config.BulkcallProperties;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.client.ApiVersionInserter;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Builds the {@link CartesiaApi} on WebClient, running on the JDK's HTTP client: HTTP/1.1, the
 * configured connect timeout, the configured response timeout for the answer and for every wait
 * within its body, JSON in snake_case, {@code Cartesia-Version} on every request, and the API key
 * set per request by {@link Attempt#authorize}. What it builds is thread-safe.
 */
final class CartesiaWebClient {

    private static final String VERSION_HEADER = "Cartesia-Version";

    // a Get Call Batch answer lists every recipient with its metadata: far above WebClient's 256 KB default
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private CartesiaWebClient() {
    }

    /** The JSON of the API: snake_case, and lenient where Cartesia is allowed to change. */
    static JsonMapper json() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new SimpleModule("cartesia-timestamps").addDeserializer(OffsetDateTime.class,
                        new UtcTimestampDeserializer()))
                // Cartesia adds response fields within one API version, and may send null for a number
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /**
     * @param webClientBuilder the application's builder; it is cloned, not changed
     */
    static CartesiaApi api(String baseUrl, BulkcallProperties.Cartesia settings, JsonMapper json,
            WebClient.Builder webClientBuilder) {
        // the JDK client repeats no request by itself except a GET whose pooled connection turned out
        // closed, and a connect that failed: both safe; every other repeat is the retry policy's
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        JdkClientHttpConnector connector = new JdkClientHttpConnector(httpClient);
        connector.setReadTimeout(settings.responseTimeout());
        WebClient webClient = webClientBuilder.clone()
                .baseUrl(baseUrl)
                .clientConnector(connector)
                .codecs(codecs -> {
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
                    codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES);
                })
                .apiVersionInserter(ApiVersionInserter.useHeader(VERSION_HEADER))
                .defaultApiVersion(settings.version())
                // a 1xx or 3xx is no answer to read either: Cartesia's refusal, like a 4xx
                .defaultStatusHandler(status -> !status.is2xxSuccessful(), ClientResponse::createException)
                .filter(Attempt::authorize)
                .filter(bodyTimeout(settings.responseTimeout()))
                .build();
        return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(webClient)).build()
                .createClient(CartesiaApi.class);
    }

    /**
     * The JDK's read timeout ends once the headers are in; this one bounds each wait for the next
     * piece of the body, so an answer that stalls half-way is given up on like one that never came.
     */
    private static ExchangeFilterFunction bodyTimeout(Duration timeout) {
        return ExchangeFilterFunction.ofResponseProcessor(response ->
                Mono.just(response.mutate().body(body -> body.timeout(timeout)).build()));
    }
}
