package io.bulkcall.job.store;

import java.util.List;

/**
 * What {@link RecipientRepository#recordOutcomes} recorded of a finished batch.
 *
 * @param notPlaced the numbers to which the batch's latest dispatch placed no call (cancelled before
 *        dialing, failed before a call could be placed): no dial to count against the contact policy
 * @param mayHoldFailed whether a recipient the batch holds may have failed on its latest attempt: {@code false}
 *        only when every one of them has just been given an outcome and none failed, so that
 *        {@link RecipientRepository#failedOf} would find none and need not be asked
 * @param carried whether some recipient the batch cancelled before dialing it now waits for a batch again
 */
public record RecordedOutcomes(List<String> notPlaced, boolean mayHoldFailed, boolean carried) {
}
