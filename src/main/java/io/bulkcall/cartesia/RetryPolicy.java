package io.bulkcall.cartesia;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

import io.bulkcall.config.BulkcallProperties;

/**
 * Decides, for every operation of the client, whether a failed attempt is tried again and how long
 * to wait first. The one place that knows which failure may be repeated for which kind of request:
 * an idempotent request is repeated on 429, 5xx and lost answers; a request that must not take
 * effect twice (Create, Retry) only when it surely did not reach Cartesia, and otherwise reports
 * an unknown outcome. Immutable and thread-safe.
 */
final class RetryPolicy {

    /** Whether a request may be sent again after its answer was lost. */
    enum Resend {
        /** Sending it twice has the effect of sending it once: Get, List, Cancel. */
        SAFE,
        /** Re-sent only when it surely never reached Cartesia: Create, Retry. */
        ONLY_IF_UNSENT
    }

    enum Verdict {
        RETRY, GIVE_UP, OUTCOME_UNKNOWN
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final DoubleSupplier jitter;

    /**
     * @param jitter gives a number in [0, 1) for each wait, spreading the retries of several
     *        clients apart
     */
    RetryPolicy(BulkcallProperties.Cartesia settings, Clock clock, DoubleSupplier jitter) {
        this.maxAttempts = settings.maxAttempts();
        this.initialBackoff = settings.initialBackoff();
        this.maxBackoff = settings.maxBackoff();
        this.clock = clock;
        this.jitter = jitter;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** What to do after attempt number {@code attempt} (1-based) failed. */
    Verdict verdict(Resend resend, Failure failure, int attempt) {
        if (resend == Resend.ONLY_IF_UNSENT && failure.kind().mayHaveTakenEffect()) {
            return Verdict.OUTCOME_UNKNOWN;
        }
        if (!failure.kind().worthRepeating() || attempt >= maxAttempts) {
            return Verdict.GIVE_UP;
        }
        return Verdict.RETRY;
    }

    /**
     * The wait after failed attempt number {@code attempt}: Cartesia's {@code Retry-After} when it
     * sent one, otherwise the initial backoff doubled per attempt with "equal jitter" (half fixed,
     * half random); never more than the configured maximum.
     */
    Duration backoff(int attempt, Failure failure) {
        Duration asked = retryAfter(failure.retryAfter());
        if (asked != null) {
            return min(asked, maxBackoff);
        }
        Duration exponential = initialBackoff;
        for (int doubling = 1; doubling < attempt && exponential.compareTo(maxBackoff) < 0; doubling++) {
            exponential = exponential.multipliedBy(2);
        }
        exponential = min(exponential, maxBackoff);
        Duration half = exponential.dividedBy(2);
        return half.plusNanos((long) (half.toNanos() * jitter.getAsDouble()));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; {@code null} when absent or unreadable. */
    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(clock.instant(), at);
                return until.isNegative() ? Duration.ZERO : until;
            }
            catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
