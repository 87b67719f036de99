/**
 * Time as bulkcall reads and waits for it: one {@link java.time.Clock} for every reading, and a
 * {@link io.bulkcall.time.Waiter} for every wait, so that tests and the sandbox can run a job on a
 * {@link io.bulkcall.time.SimulatedClock} that jumps ahead instead of sleeping.
 */
package io.bulkcall.time;
