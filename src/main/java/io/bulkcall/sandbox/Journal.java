package io.bulkcall.sandbox;

import java.time.Instant;

/**
 * Where a {@link CallBatchSimulator} writes down what it must not forget: each change before it is
 * applied, and how far its time has gone. Called under the simulator's lock.
 */
interface Journal {

    /** Keeps nothing: the journal of a server whose state lives in memory only. */
    Journal IN_MEMORY = new Journal() {

        @Override
        public void append(JournalEntry entry) {
        }

        @Override
        public void timeReached(Instant now) {
        }
    };

    /**
     * Records a change, durably enough that a process killed after this returns keeps it.
     *
     * @throws java.io.UncheckedIOException if it cannot; the change must then not be applied
     */
    void append(JournalEntry entry);

    /** The simulation's time has reached {@code now}: a restart must not begin earlier. */
    void timeReached(Instant now);
}
