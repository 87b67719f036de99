package io.bulkcall.job.store;

/**
 * Recipients of a job that wait for a batch, by the window they are dialed in and the round.
 *
 * @param zones the {@code Zones} key of their window, {@code null} when calling windows were off
 * @param redialRound 0 for the first pass (and recipients carried over from a batch cancelled at a
 *        window's end), else the redial round they wait in
 * @param recipients how many wait
 */
public record WaitingGroup(String zones, int redialRound, long recipients) {
}
