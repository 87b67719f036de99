package io.bulkcall.cartesia;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

import org.springframework.core.codec.CodecException;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.Exceptions;

/**
 * Why one attempt of a request did not succeed, sorted by what it says about the request's effect
 * on Cartesia's side.
 *
 * @param kind what the failure says about the request's effect
 * @param why a few words for a message, never containing the API key
 * @param cause the exception behind it; a {@link CartesiaApiException} when Cartesia answered
 * @param retryAfter the raw {@code Retry-After} header of an error answer, or {@code null}
 */
record Failure(Kind kind, String why, Throwable cause, String retryAfter) {

    enum Kind {
        /** Cartesia answered with a client error other than 429: sending it again changes nothing. */
        REJECTED(false, false),
        /** The request never left this machine: no connection could be made. */
        NOT_SENT(false, true),
        /** 429: Cartesia refused the request without acting on it; it may be sent again later. */
        THROTTLED(false, true),
        /** The request was sent and no answer came back: timeout, reset, closed connection. */
        LOST(true, true),
        /** 5xx: Cartesia may or may not have acted before failing. */
        SERVER_ERROR(true, true),
        /** The request may have taken effect but repeating it would not help: unreadable answer, interrupted. */
        BROKEN(true, false);

        private final boolean mayHaveTakenEffect;
        private final boolean worthRepeating;

        Kind(boolean mayHaveTakenEffect, boolean worthRepeating) {
            this.mayHaveTakenEffect = mayHaveTakenEffect;
            this.worthRepeating = worthRepeating;
        }

        boolean mayHaveTakenEffect() {
            return mayHaveTakenEffect;
        }

        boolean worthRepeating() {
            return worthRepeating;
        }

        /** Whether Cartesia answered: it is there, however it failed. */
        boolean answered() {
            return this == REJECTED || this == THROTTLED || this == SERVER_ERROR;
        }
    }

    /** Cartesia answered with an error status. */
    static Failure answered(CartesiaApiException answer, String retryAfter) {
        Kind kind = answer.status() == 429 ? Kind.THROTTLED
                : answer.status() >= 500 ? Kind.SERVER_ERROR
                : Kind.REJECTED;
        StringBuilder why = new StringBuilder("Cartesia answered ").append(answer.status());
        if (answer.title() != null && !answer.title().isBlank()) {
            why.append(' ').append(answer.title());
        }
        return new Failure(kind, why.toString(), answer, retryAfter);
    }

    /**
     * An attempt ended in an exception instead of an answer: the JDK client's own (wrapped by
     * WebClient), or a body that could not be read or decoded.
     */
    static Failure thrown(Throwable thrown) {
        Throwable failure = Exceptions.unwrap(thrown);
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new Failure(Kind.BROKEN, "interrupted while waiting for the answer", failure, null);
        }
        // checked before IOException and timeouts, which a connect timeout is too
        if (causedBy(failure, ConnectException.class) || causedBy(failure, HttpConnectTimeoutException.class)
                || causedBy(failure, NoRouteToHostException.class) || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, UnresolvedAddressException.class)) {
            return new Failure(Kind.NOT_SENT, describeUnsent(failure), failure, null);
        }
        if (causedBy(failure, CodecException.class) || causedBy(failure, UnsupportedMediaTypeException.class)) {
            return new Failure(Kind.BROKEN, "unreadable answer: " + describe(failure), failure, null);
        }
        // WebClient wraps what the JDK client throws after connecting, and what breaks off a body half-read
        if (failure instanceof WebClientRequestException || causedBy(failure, IOException.class)
                || causedBy(failure, TimeoutException.class)) {
            return new Failure(Kind.LOST, describe(failure), failure, null);
        }
        return new Failure(Kind.BROKEN, describe(failure), failure, null);
    }

    /** The exception for a request given up on after {@code attempts} attempts. */
    CartesiaException toException(String operation, int attempts, String host) {
        if (cause instanceof CartesiaApiException answer) {
            return answer;
        }
        if (kind == Kind.NOT_SENT || kind == Kind.LOST) {
            return new CartesiaException(operation + ": no answer from " + host + " after " + attempts
                    + (attempts == 1 ? " attempt (" : " attempts (") + why + ")", cause);
        }
        return new CartesiaException(operation + " failed: " + why, cause);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describeUnsent(Throwable failure) {
        if (causedBy(failure, UnresolvedAddressException.class) || causedBy(failure, UnknownHostException.class)) {
            return "unknown host";
        }
        if (causedBy(failure, HttpConnectTimeoutException.class)) {
            return "connect timeout";
        }
        // the JDK client reports a refused connection as a ConnectException without any message
        String message = rootMessage(failure);
        return message == null ? "connection refused" : message;
    }

    private static String describe(Throwable failure) {
        // the JDK's read timeout ends in HttpTimeoutException, a stalled body in TimeoutException
        if (causedBy(failure, HttpTimeoutException.class) || causedBy(failure, TimeoutException.class)) {
            return "response timeout";
        }
        String message = rootMessage(failure);
        return message == null ? root(failure).getClass().getSimpleName() : message;
    }

    private static String rootMessage(Throwable failure) {
        String message = root(failure).getMessage();
        return message == null || message.isBlank() ? null : message;
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
