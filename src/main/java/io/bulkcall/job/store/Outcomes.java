package io.bulkcall.job.store;

/**
 * What recording a finished batch's outcomes did to its recipients.
 *
 * @param failed recipients whose latest attempt failed: a redial round may dial them again
 * @param carriedOver recipients the batch cancelled before dialing them, waiting again for a batch
 */
public record Outcomes(int failed, int carriedOver) {
}
