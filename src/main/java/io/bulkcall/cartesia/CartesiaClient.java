package io.bulkcall.cartesia;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.bulkcall.cartesia.RetryPolicy.Verdict;
import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.InvalidSettingException;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cartesia Call Batches API and Get Call, on Spring's WebClient, with a synchronous API for
 * the job's steps.
 *
 * <p>Every request carries the key as {@code Authorization: Bearer}, the configured
 * {@code Cartesia-Version}, and is bounded by the configured connect and response timeouts.
 * Get, List and Cancel are repeated on 429, 5xx and lost answers, up to the configured number of
 * attempts, with exponential backoff and jitter or Cartesia's {@code Retry-After}. Create and Retry
 * are repeated only when they surely did not reach Cartesia (no connection, 429); when their
 * outcome is unknown they throw {@link OutcomeUnknownException} instead, so the caller reconciles
 * before sending again.
 *
 * <p>Thread-safe. Blocks the calling thread, so it must not be called from a reactive event loop.
 * The API key appears in the {@code Authorization} header only: never in a message, a log line or
 * {@code toString()}.
 */
public class CartesiaClient {

    private static final Logger log = LoggerFactory.getLogger(CartesiaClient.class);

    /** The page size {@link #listAllCallBatches} asks for, the largest the API allows. */
    static final int MAX_PAGE_SIZE = 100;

    // a Get Call Batch answer lists every recipient with its metadata: far above WebClient's 256 KB default
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private static final String BATCHES = "/agents/calls/batches";
    private static final String HIDDEN = "(hidden)";

    private final WebClient webClient;
    private final DefaultUriBuilderFactory uris;
    private final String host;
    private final ApiKey apiKey;
    private final CreateCallBatchRequestRules rules;
    private final ApiErrorReader errors;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    /**
     * @param connection where the API is and the key to use
     * @param settings version header, timeouts and retry bounds
     * @param clock tells whether a batch's {@code scheduled_at} is in the future, and how long a
     *        {@code Retry-After} date is away
     * @param webClientBuilder the application's builder; it is cloned, not changed
     * @throws InvalidSettingException when the API key is not set, or holds a character no key has
     */
    public CartesiaClient(CartesiaConnectionDetails connection, BulkcallProperties.Cartesia settings, Clock clock,
            WebClient.Builder webClientBuilder) {
        this(connection, settings, clock, webClientBuilder,
                new RetryPolicy(settings, clock, () -> ThreadLocalRandom.current().nextDouble()), Sleeper.THREAD);
    }

    /** With the retry policy's jitter and the waits under the caller's control, for tests. */
    CartesiaClient(CartesiaConnectionDetails connection, BulkcallProperties.Cartesia settings, Clock clock,
            WebClient.Builder webClientBuilder, RetryPolicy retryPolicy, Sleeper sleeper) {
        this.apiKey = connection.apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidSettingException("CARTESIA_API_KEY",
                    "is not set: export your Cartesia API key, or run with --spring.profiles.active=sandbox");
        }
        // a key pasted with a line break fails every request, in Netty's words that name neither the key
        // nor the variable; spaces and non-ASCII characters are no part of a key either
        if (apiKey.reveal().chars().anyMatch(c -> c <= ' ' || c >= 0x7F)) {
            throw new InvalidSettingException("CARTESIA_API_KEY",
                    "holds a space, line break or non-ASCII character; set it to the key alone, as Cartesia shows it");
        }
        URI baseUrl = URI.create(connection.baseUrl());
        this.host = baseUrl.getPort() == -1 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
        this.uris = new DefaultUriBuilderFactory(connection.baseUrl());
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // Cartesia adds response fields within one API version, and may send null for a number
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        // Reactor Netty re-sends a request by itself only when a pooled connection turns out closed
        // before anything was written, which is safe even for Create; every other repeat is the policy's
        this.webClient = webClientBuilder.clone()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                                (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                        .responseTimeout(settings.responseTimeout())))
                .codecs(codecs -> {
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
                    codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES);
                })
                .defaultHeaders(headers -> {
                    headers.setBearerAuth(apiKey.reveal());
                    headers.set("Cartesia-Version", settings.version());
                    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                })
                .build();
        this.rules = new CreateCallBatchRequestRules(clock);
        this.errors = new ApiErrorReader(json);
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
    }

    /**
     * Create Call Batch. Checks the request against the reference's rules first; never re-sends one
     * whose outcome is unknown.
     *
     * @throws InvalidCallBatchRequestException when the request breaks a rule; nothing was sent
     * @throws OutcomeUnknownException when the batch may or may not have been created (timeout after
     *         the request was written, connection reset, 5xx); {@code batchName()} is the request's name
     * @throws CartesiaApiException when Cartesia refused it
     */
    public CallBatch createCallBatch(CreateCallBatchRequest request) {
        rules.check(request);
        Operation operation = Operation.unrepeatable("Create Call Batch \"" + request.name() + "\"", request.name(),
                "reconcile with List Call Batches before sending again");
        return send(operation, HttpMethod.POST, uris.expand(BATCHES), request, CallBatch.class);
    }

    /** Get Call Batch, with its recipients. */
    public CallBatch getCallBatch(String batchId) {
        Assert.hasText(batchId, "batchId must not be blank");
        return send(Operation.idempotent("Get Call Batch " + batchId), HttpMethod.GET,
                uris.expand(BATCHES + "/{batchId}", batchId), null, CallBatch.class);
    }

    /**
     * One page of List Call Batches for an agent, newest first.
     *
     * @param agentId the agent whose batches to list; {@code null} for every batch of the workspace
     * @param startingAfter the {@code next_page} of the previous page; {@code null} for the first page
     * @param limit batches per page, 1 to 100
     */
    public CallBatchPage listCallBatches(String agentId, String startingAfter, int limit) {
        Assert.isTrue(limit >= 1 && limit <= MAX_PAGE_SIZE, () -> "limit must be 1 to 100, not " + limit);
        UriBuilder uri = uris.uriString(BATCHES);
        Map<String, Object> values = new LinkedHashMap<>();
        if (agentId != null) {
            uri.queryParam("agent_id", "{agentId}");
            values.put("agentId", agentId);
        }
        if (startingAfter != null) {
            uri.queryParam("starting_after", "{startingAfter}");
            values.put("startingAfter", startingAfter);
        }
        uri.queryParam("limit", limit);
        String name = "List Call Batches" + (agentId == null ? "" : " of agent " + agentId)
                + (startingAfter == null ? "" : " after " + startingAfter);
        return send(Operation.idempotent(name), HttpMethod.GET, uri.build(values), null, CallBatchPage.class);
    }

    /**
     * Every batch of an agent, newest first. Pages of 100 are fetched as the stream is consumed, so
     * a consumer that stops early ({@code findFirst}, {@code takeWhile}) sends no further request.
     * The stream is sequential and must be consumed on one thread.
     */
    public Stream<CallBatch> listAllCallBatches(String agentId) {
        return Pages.stream(startingAfter -> listCallBatches(agentId, startingAfter, MAX_PAGE_SIZE), CallBatch::id);
    }

    /**
     * Retry Call Batch: re-queues the recipients whose latest attempt failed or went unanswered.
     * Never re-sent when its outcome is unknown.
     *
     * @throws OutcomeUnknownException when the retry may or may not have happened; {@code batchName()}
     *         is the batch id, and the batch's {@code retry_count} tells
     */
    public CallBatch retryCallBatch(String batchId) {
        Assert.hasText(batchId, "batchId must not be blank");
        Operation operation = Operation.unrepeatable("Retry Call Batch " + batchId, batchId,
                "check retry_count with Get Call Batch before sending again");
        return send(operation, HttpMethod.POST, uris.expand(BATCHES + "/{batchId}/retry", batchId), null,
                CallBatch.class);
    }

    /** Cancel Call Batch; idempotent, so repeated like a read. */
    public CallBatch cancelCallBatch(String batchId) {
        Assert.hasText(batchId, "batchId must not be blank");
        return send(Operation.idempotent("Cancel Call Batch " + batchId), HttpMethod.POST,
                uris.expand(BATCHES + "/{batchId}/cancel", batchId), null, CallBatch.class);
    }

    /** Get Call, for a recipient's {@code agent_call_id}. */
    public AgentCall getCall(String callId) {
        Assert.hasText(callId, "callId must not be blank");
        return send(Operation.idempotent("Get Call " + callId), HttpMethod.GET,
                uris.expand("/agents/calls/{callId}", callId), null, AgentCall.class);
    }

    /** Sends a request, and sends it again for as long as the retry policy allows. */
    private <T> T send(Operation operation, HttpMethod method, URI uri, Object body, Class<T> type) {
        String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        for (int attempt = 1;; attempt++) {
            Failure failure;
            try {
                Answer<T> answer = exchange(operation, method, uri, body, type);
                log.debug("{} {} -> {} (attempt {} of {})", method, target, answer.status(), attempt,
                        retryPolicy.maxAttempts());
                if (answer.failure() == null) {
                    return answer.body();
                }
                failure = answer.failure();
            }
            catch (RuntimeException ex) {
                failure = Failure.thrown(ex);
                log.debug("{} {} -> {} (attempt {} of {})", method, target, failure.why(), attempt,
                        retryPolicy.maxAttempts());
            }
            Verdict verdict = retryPolicy.verdict(operation.resend(), failure, attempt);
            if (verdict == Verdict.OUTCOME_UNKNOWN) {
                throw operation.outcomeUnknown(failure);
            }
            if (verdict == Verdict.GIVE_UP) {
                throw failure.toException(operation.name(), attempt, host);
            }
            pause(operation, retryPolicy.backoff(attempt, failure));
        }
    }

    private <T> Answer<T> exchange(Operation operation, HttpMethod method, URI uri, Object body, Class<T> type) {
        WebClient.RequestBodySpec request = webClient.method(method).uri(uri);
        WebClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchangeToMono(response -> read(operation, response, type)).block();
    }

    private <T> Mono<Answer<T>> read(Operation operation, ClientResponse response, Class<T> type) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type)
                    .switchIfEmpty(Mono.error(() -> new DecodingException("empty body")))
                    .map(body -> new Answer<>(status, body, null));
        }
        String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(text -> errors.read(operation.name(), status, text.replace(apiKey.reveal(), HIDDEN)))
                .map(refusal -> new Answer<>(status, null, Failure.answered(refusal, retryAfter)));
    }

    private void pause(Operation operation, Duration backoff) {
        try {
            sleeper.sleep(backoff);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CartesiaException(operation.name() + ": interrupted while waiting to try again", ex);
        }
    }

    /** What one attempt got back: a body, or Cartesia's refusal. */
    private record Answer<T>(int status, T body, Failure failure) {
    }
}
