package io.bulkcall.job.submit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.cartesia.CreateCallBatchRequest;
import io.bulkcall.cartesia.OutcomeUnknownException;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.time.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Creates a call batch exactly once. When Cartesia's answer is lost (timeout, reset, 5xx) the batch
 * is looked up by name before the request is sent again; after a few such rounds the step fails and
 * the intent row left behind makes the restart reconcile it.
 */
@Component
class CallBatchCreator {

    private static final Logger log = LoggerFactory.getLogger(CallBatchCreator.class);

    private final CartesiaClient client;
    private final CallBatchFinder finder;
    private final int maxAttempts;
    private final Duration settleDelay;
    private final Clock clock;
    private final Waiter waiter;

    public CallBatchCreator(CartesiaClient client, CallBatchFinder finder, BulkcallProperties properties, Clock clock,
            Waiter waiter) {
        this.client = client;
        this.finder = finder;
        this.maxAttempts = properties.cartesia().maxAttempts();
        this.settleDelay = properties.cartesia().initialBackoff();
        this.clock = clock;
        this.waiter = waiter;
    }

    public CallBatch create(CreateCallBatchRequest request, Instant intentAt) {
        for (int attempt = 1;; attempt++) {
            try {
                return client.createCallBatch(request);
            }
            catch (OutcomeUnknownException unknown) {
                log.warn("{}; looking it up by name", unknown.getMessage());
                // give a create that is still being processed the time to show up in the list
                waiter.waitUntil(clock.instant().plus(settleDelay.multipliedBy(attempt)), () -> false);
                var found = finder.findByName(request.name(), request.recipients().size(), intentAt);
                if (found.isPresent()) {
                    log.info("Call batch \"{}\" was created after all, as {}", request.name(), found.get().id());
                    return found.get();
                }
                if (attempt >= maxAttempts) {
                    throw new CartesiaException("call batch \"" + request.name() + "\" could not be created after "
                            + attempt + " attempts whose outcome was unknown; the next run looks it up again", unknown);
                }
                log.info("Call batch \"{}\" does not exist; sending it again", request.name());
            }
        }
    }
}
