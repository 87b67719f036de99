package io.bulkcall.cartesia;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.bulkcall.time.Durations;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Whether this machine's clock agrees with Cartesia's, by the {@code Date} of Cartesia's answers.
 * bulkcall keeps calling windows on this machine's clock, while Cartesia dials a batch the moment it
 * is created, or at its {@code scheduled_at}, on its own: a clock minutes off would have people dialed
 * minutes before their window opens or after it closes. So no batch is created or retried while the
 * last answer's {@code Date} is more than {@link #TOLERANCE} from this machine's time. An answer
 * without a {@code Date} tells nothing. On the system clock, not the application's: the sandbox's
 * simulated clock runs ahead on purpose, and its stand-in dates its answers in the system's time.
 * Thread-safe.
 */
final class ClockAgreement {

    /** What a {@code Date} of whole seconds and the time an answer takes leave room for, and no more. */
    static final Duration TOLERANCE = Duration.ofMinutes(1);

    private final Clock system;

    /** Cartesia's time less this machine's, at the last answer that had a {@code Date}. */
    private volatile Duration skew = Duration.ZERO;

    ClockAgreement(Clock system) {
        this.system = system;
    }

    /** Reads the {@code Date} of every answer. */
    ExchangeFilterFunction filter() {
        return ExchangeFilterFunction.ofResponseProcessor(response -> {
            record(response.headers().asHttpHeaders());
            return Mono.just(response);
        });
    }

    private void record(HttpHeaders headers) {
        try {
            long date = headers.getDate();
            if (date != -1) {
                skew = Duration.between(system.instant(), Instant.ofEpochMilli(date));
            }
        }
        catch (IllegalArgumentException unreadable) {
            // a Date that is no HTTP date tells nothing
        }
    }

    /**
     * @param operation what is about to be sent, which would start dialing
     * @throws CartesiaException when the clocks disagree; nothing is sent
     */
    void check(String operation) {
        Duration off = skew;
        if (off.abs().compareTo(TOLERANCE) > 0) {
            throw new CartesiaException(("%s not sent: this machine's clock is %s %s Cartesia's (by the Date of its "
                    + "last answer), so calling windows would open and close at the wrong times for Cartesia, which "
                    + "dials; set this machine's clock right (NTP), then go on").formatted(operation,
                            Durations.human(off.abs()), off.isNegative() ? "ahead of" : "behind"));
        }
    }
}
