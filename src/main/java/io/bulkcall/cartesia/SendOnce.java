package io.bulkcall.cartesia;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.time.StopSignal;
import io.bulkcall.time.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a request that must not take effect twice (Create Call Batch, Retry Call Batch) exactly once,
 * although Cartesia has no idempotency key. When the outcome of a send is unknown (a timeout after the
 * request was written, a reset, a 5xx: {@link OutcomeUnknownException}), it waits a moment for the
 * request to show, asks Cartesia whether it took effect (by the batch's name for a create, by its
 * {@code retry_count} for a retry), and sends again only if it did not. After
 * {@code bulkcall.cartesia.max-attempts} such rounds it gives up with a {@link CartesiaException}; the
 * caller's record of what it was about to send (the batch intent, the redial round) lets the next run
 * ask again. Once the process is asked to stop it looks without waiting, and does not send again: what
 * it could not settle stays in doubt for the next run. Every caller that sends an unrepeatable request
 * goes through here. Thread-safe.
 */
@Component
public class SendOnce {

    private static final Logger log = LoggerFactory.getLogger(SendOnce.class);

    private final int maxAttempts;
    private final Duration settleDelay;
    private final Clock clock;
    private final Waiter waiter;
    private final StopSignal stop;

    public SendOnce(BulkcallProperties properties, Clock clock, Waiter waiter, StopSignal stop) {
        this.maxAttempts = properties.cartesia().maxAttempts();
        this.settleDelay = properties.cartesia().initialBackoff();
        this.clock = clock;
        this.waiter = waiter;
        this.stop = stop;
    }

    /**
     * @param what the request in an operator's words, e.g. {@code call batch "bulkcall sample #1 batch 2 (…)"}
     * @param request sends the request once; throws {@link OutcomeUnknownException} when its outcome is unknown
     * @param tookEffect asks Cartesia whether the request took effect: what it did, or empty if it did not
     * @return what the request did, whether its answer came back or Cartesia showed it afterwards
     */
    public <T> T send(String what, Supplier<T> request, Supplier<Optional<T>> tookEffect) {
        for (int attempt = 1;; attempt++) {
            try {
                return request.get();
            }
            catch (OutcomeUnknownException unknown) {
                log.warn("{}; looking at Cartesia", unknown.getMessage());
                // a request that is still being processed needs a moment to show; a stop looks at once
                waiter.waitUntil(clock.instant().plus(settleDelay.multipliedBy(attempt)), stop::requested);
                Optional<T> effect = tookEffect.get();
                if (effect.isPresent()) {
                    log.info("{} took effect after all", what);
                    return effect.get();
                }
                if (stop.requested()) {
                    throw new StopRequestedException(what + ": not sent again as bulkcall stops", unknown);
                }
                if (attempt >= maxAttempts) {
                    throw new CartesiaException(what + ": outcome unknown after " + attempt
                            + " attempts, and Cartesia does not show it; the next run looks again", unknown);
                }
                log.info("{} did not take effect; sending it again", what);
            }
        }
    }
}
