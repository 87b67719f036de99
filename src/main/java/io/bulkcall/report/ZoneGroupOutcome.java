package io.bulkcall.report;

/**
 * What became of the recipients of one time-zone group (recipients whose calling window is worked out
 * in the same zones).
 *
 * @param zones the group's {@code Zones} key, {@code none} for recipients staged with calling windows off
 * @param dialed as in {@link CallFunnel#dialed()}
 * @param failed recipients whose latest attempt failed
 * @param notDialed recipients never dialed: still waiting, queued or cancelled before their call
 */
record ZoneGroupOutcome(String zones, long recipients, long dialed, long connected, long completed,
        long failed, long notDialed) {
}
