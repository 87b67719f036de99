package io.bulkcall.job.store;

import java.time.Instant;

/**
 * Recipients of a job that wait for a batch, by the window they are dialed in and the round.
 *
 * @param zones the {@code Zones} key of their window, {@code null} when calling windows were off
 * @param redialRound 0 for the first pass (and recipients carried over from a batch cancelled at a
 *        window's end), else the redial round they wait in
 * @param recipients how many wait
 * @param dueFrom when the first of them is due, its redial's delay over; {@code null} when one is due now
 */
public record WaitingGroup(String zones, int redialRound, long recipients, Instant dueFrom) {

    /** From when its first recipient may be dialed, given that it is {@code now}. */
    public Instant dueAt(Instant now) {
        return dueFrom == null || dueFrom.isBefore(now) ? now : dueFrom;
    }
}
