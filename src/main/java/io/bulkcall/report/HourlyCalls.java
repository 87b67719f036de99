package io.bulkcall.report;

import java.time.Instant;

/**
 * The calls of one clock hour (UTC) of a job.
 *
 * @param hour the start of the hour
 * @param dispatched calls that started in it (a recipient's latest call, as Cartesia gave its start)
 * @param finished calls that ended in it
 */
record HourlyCalls(Instant hour, long dispatched, long finished) {
}
