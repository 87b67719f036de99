package io.bulkcall.job.submit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.config.BulkcallProperties;

import org.springframework.stereotype.Component;

/**
 * Looks a batch up by its name with List Call Batches, the only way to learn whether a create whose
 * answer was lost took effect: Cartesia has no idempotency key. Pages back, newest first, only as
 * far as the batch could be: a little before its intent was recorded, allowing for clock skew
 * ({@link CartesiaClient#listCallBatchesSince}).
 */
@Component
class CallBatchFinder {

    private final CartesiaClient client;
    private final String agentId;

    public CallBatchFinder(CartesiaClient client, BulkcallProperties properties) {
        this.client = client;
        this.agentId = properties.agentId();
    }

    /**
     * @param name the batch's deterministic name
     * @param recipients how many recipients the batch was created with, to tell it from a stranger
     * @param notBefore when the create was about to be sent
     */
    public Optional<CallBatch> findByName(String name, int recipients, Instant notBefore) {
        List<CallBatch> matches = client.listCallBatchesSince(agentId, notBefore)
            .filter(batch -> name.equals(batch.name()))
            .toList();
        if (matches.size() > 1) {
            throw heldMoreThanOnce(matches);
        }
        matches.stream()
            .filter(batch -> batch.totalCallsScheduled() != recipients)
            .findFirst()
            .ifPresent(batch -> {
                throw new CartesiaException("call batch " + batch.id() + " is named \"" + name + "\" but has "
                        + batch.totalCallsScheduled() + " recipients instead of " + recipients
                        + "; it was not created by this job");
            });
        return matches.stream().findFirst();
    }

    /** The refusal to go on when batches of one name, which bulkcall gives once, are several at Cartesia. */
    static CartesiaException heldMoreThanOnce(List<CallBatch> sameName) {
        return new CartesiaException("Cartesia holds " + sameName.size() + " call batches named \""
                + sameName.get(0).name() + "\" (" + sameName.stream().map(CallBatch::id).toList()
                + "); bulkcall created at most one, so cancel the extra ones by hand before restarting");
    }
}
