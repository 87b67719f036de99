package io.bulkcall.cartesia;

import java.time.Duration;

/**
 * Waits between two attempts of a request. An interface so that tests can see the waits the
 * client chose without spending them.
 */
@FunctionalInterface
interface Sleeper {

    /** Blocks the calling thread for {@code duration}. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
