package io.bulkcall.job.calls;

import java.time.Clock;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.TrackedBatch;

import org.springframework.stereotype.Component;

/**
 * Cancels what a batch still has queued at Cartesia (calls in flight finish) and records when: at a
 * window's end, at a stop, on {@code bulkcall cancel}. Cancel Call Batch is idempotent, so a batch
 * cancelled twice is harmless. Once the batch's calls have all ended, the recipients it cancelled
 * before dialing them wait for a batch again (unless the job was cancelled). Thread-safe.
 */
@Component
class CallBatchCanceller {

    private final CartesiaClient client;
    private final CallBatchRepository batches;
    private final Clock clock;

    CallBatchCanceller(CartesiaClient client, CallBatchRepository batches, Clock clock) {
        this.client = client;
        this.batches = batches;
        this.clock = clock;
    }

    /** @return the batch as Cancel Call Batch answered it */
    CallBatch cancel(TrackedBatch batch) {
        CallBatch cancelled = client.cancelCallBatch(batch.batchId());
        batches.recordCancelled(batch.jobInstanceId(), cancelled, clock.instant());
        return cancelled;
    }
}
