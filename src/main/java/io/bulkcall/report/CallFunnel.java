package io.bulkcall.report;

/**
 * How far a job's staged recipients got, each stage a subset of the one before it.
 *
 * @param accepted recipients staged by validation
 * @param dialed recipients with an outcome of a dial: any status but none yet, {@code queued} or
 *        {@code cancelled}
 * @param connected dialed recipients whose latest call started (Cartesia gave its start), or completed
 * @param completed recipients whose latest call completed
 */
record CallFunnel(long accepted, long dialed, long connected, long completed) {
}
