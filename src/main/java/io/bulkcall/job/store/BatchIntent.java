package io.bulkcall.job.store;

import java.time.Instant;
import java.util.List;

/**
 * A call batch about to be created: what the job database records before the create is sent, so
 * that a process killed before the answer comes back leaves a trace the next run reconciles.
 *
 * @param lines the lines of the recipients it is created with
 * @param scheduledAt when it starts dialing, {@code null} for at once
 * @param closesAt when the window it dials in ends, {@code null} for never
 */
public record BatchIntent(long jobInstanceId, int batchNo, String name, List<Long> lines, String zones,
        int redialRound, Instant scheduledAt, Instant closesAt, Instant at) {

    public BatchIntent {
        lines = List.copyOf(lines);
    }
}
