package io.bulkcall.job.submit;

import java.util.List;

import io.bulkcall.job.store.StagedRecipient;
import io.bulkcall.window.Dispatch;

/**
 * The recipients of one call batch to create: all of one group (one window, one round), at most
 * {@code bulkcall.batch.size} of them.
 *
 * @param zones the group's {@code Zones} key, {@code null} when windows were off
 * @param redialRound the round the batch is created for, 0 for the first pass
 * @param dispatch when it dials, and until when
 */
record PlannedBatch(String zones, int redialRound, Dispatch dispatch, List<StagedRecipient> recipients) {

    PlannedBatch {
        recipients = List.copyOf(recipients);
    }

    List<Long> lines() {
        return recipients.stream().map(StagedRecipient::line).toList();
    }
}
