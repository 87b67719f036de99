package io.bulkcall.report;

/**
 * How far a file's rows got, each stage a subset of the one before: rows, then those validation
 * accepted, those dialed, those whose call connected, and those whose call completed.
 */
record Funnel(long rows, long accepted, long dialed, long connected, long completed) {
}
