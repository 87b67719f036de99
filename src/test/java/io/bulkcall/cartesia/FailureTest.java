package io.bulkcall.cartesia;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * What each exception of the JDK's HTTP client, as WebClient hands it over, says about the request:
 * never sent (no connection), lost after sending (timeout, reset), or an answer that cannot be read.
 */
class FailureTest {

    private static final URI URL = URI.create("http://localhost:1/agents/calls/batches");

    static Stream<Arguments> jdkClientFailures() {
        return Stream.of(
                argumentSet("connection refused", sending(withCause(new ConnectException(), new ClosedChannelException())),
                        Failure.Kind.NOT_SENT, "connection refused"),
                argumentSet("connection refused, with the reason", sending(new ConnectException("Connection refused")),
                        Failure.Kind.NOT_SENT, "Connection refused"),
                argumentSet("connect timeout", sending(new HttpConnectTimeoutException("HTTP connect timed out")),
                        Failure.Kind.NOT_SENT, "connect timeout"),
                argumentSet("unknown host", sending(withCause(new ConnectException(), new UnresolvedAddressException())),
                        Failure.Kind.NOT_SENT, "unknown host"),
                argumentSet("no answer within the read timeout", sending(new HttpTimeoutException("request timed out")),
                        Failure.Kind.LOST, "response timeout"),
                argumentSet("connection reset after sending", sending(new IOException("Connection reset")),
                        Failure.Kind.LOST, "Connection reset"),
                argumentSet("connection closed before the answer", sending(new EOFException("EOF reached while reading")),
                        Failure.Kind.LOST, "EOF reached while reading"),
                argumentSet("body stalled half-way", reading(new TimeoutException("Did not observe any item")),
                        Failure.Kind.LOST, "response timeout"),
                argumentSet("connection reset half-way through the body", reading(new IOException("Connection reset")),
                        Failure.Kind.LOST, "Connection reset"),
                argumentSet("undecodable body", new DecodingException("JSON decoding error: Unexpected character"),
                        Failure.Kind.BROKEN, "unreadable answer: JSON decoding error: Unexpected character"),
                argumentSet("a body that is not JSON", reading(new UnsupportedMediaTypeException(MediaType.TEXT_HTML,
                        java.util.List.of(MediaType.APPLICATION_JSON))), Failure.Kind.BROKEN, null));
    }

    @ParameterizedTest
    @MethodSource("jdkClientFailures")
    void classifiesWhatTheJdkClientThrows(Throwable thrown, Failure.Kind kind, String why) {
        // when
        Failure failure = Failure.thrown(thrown);

        // then
        assertThat(failure.kind()).isEqualTo(kind);
        if (why != null) {
            assertThat(failure.why()).isEqualTo(why);
        }
        assertThat(failure.retryAfter()).isNull();
    }

    @Test
    void anInterruptedWaitIsBrokenAndKeepsTheInterrupt() {
        // when
        Failure failure = Failure.thrown(Exceptions.propagate(new InterruptedException()));

        // then
        assertThat(Thread.interrupted()).isTrue();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.BROKEN);
        assertThat(failure.why()).isEqualTo("interrupted while waiting for the answer");
    }

    /** As WebClient reports what the connector threw: wrapped, with the request's method and URL. */
    private static WebClientRequestException sending(Exception cause) {
        return new WebClientRequestException(cause, HttpMethod.POST, URL, new HttpHeaders());
    }

    /** As WebClient reports a 200 whose body broke off: a response exception with the status and the cause. */
    private static WebClientResponseException reading(Exception cause) {
        WebClientResponseException exception = new WebClientResponseException(200, "OK", new HttpHeaders(), new byte[0],
                null);
        exception.initCause(cause);
        return exception;
    }

    private static <T extends Throwable> T withCause(T exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }
}
