package io.bulkcall.cartesia;

import java.net.URI;

import io.bulkcall.config.ApiKey;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * One attempt of a request, handed through the Reactor context from {@link CartesiaClient}, which
 * starts it with the key to send, to the WebClient filter {@link #authorize}, which sends that key
 * and notes the request line and answer status for the client's log line. Thread-safe: the filter
 * writes on the HTTP client's threads, the client reads once the attempt is over. {@code toString()}
 * never shows the key.
 */
final class Attempt {

    private final ApiKey apiKey;
    private volatile String requestLine = "(not sent)";
    private volatile int status;

    Attempt(ApiKey apiKey) {
        this.apiKey = apiKey;
    }

    /** The context of the request this attempt is for. */
    Context addTo(Context context) {
        return context.put(Attempt.class, this);
    }

    /** Method and target ({@code GET /agents/calls/batches?limit=100}) of the request, once sent. */
    String requestLine() {
        return requestLine;
    }

    /** The status Cartesia answered with; 0 before an answer came. */
    int status() {
        return status;
    }

    /**
     * A WebClient filter: sets {@code Authorization: Bearer} to the key of the request's attempt, the
     * only place the key is ever written, and notes what was sent and answered.
     */
    static Mono<ClientResponse> authorize(ClientRequest request, ExchangeFunction next) {
        return Mono.deferContextual(context -> {
            Attempt attempt = context.get(Attempt.class);
            URI url = request.url();
            attempt.requestLine = request.method().name() + " " + url.getRawPath()
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            ClientRequest authorized = ClientRequest.from(request)
                    .headers(headers -> headers.setBearerAuth(attempt.apiKey.reveal()))
                    .build();
            return next.exchange(authorized).doOnNext(response -> attempt.status = response.statusCode().value());
        });
    }
}
