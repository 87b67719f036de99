package io.bulkcall.job.store;

import java.time.Instant;

/**
 * A failed recipient to be dialed again.
 *
 * @param round the round it is redialed in: one more than its failed attempt's
 * @param outcome how its attempt failed, as {@code bulkcall.redial.outcomes} names it
 * @param dueAt when it may be redialed at the earliest: its call's end and its outcome's delay
 */
public record Redial(long line, int round, String outcome, Instant dueAt) {
}
