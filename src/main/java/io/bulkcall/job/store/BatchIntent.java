package io.bulkcall.job.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A call batch about to be created: what the job database records before the create is sent, so
 * that a process killed before the answer comes back leaves a trace the next run reconciles.
 *
 * @param members the recipients it is created with
 * @param scheduledAt when it starts dialing, {@code null} for at once
 * @param closesAt when the window it dials in ends, {@code null} for never
 */
public record BatchIntent(long jobInstanceId, int batchNo, String name, List<Member> members, String zones,
        int redialRound, Instant scheduledAt, Instant closesAt, Instant at) {

    public BatchIntent {
        members = List.copyOf(members);
    }

    /** A recipient of the batch: its line, and its number for the contact policy. */
    public record Member(long line, String toNumber) {
    }

    public List<Long> lines() {
        return members.stream().map(Member::line).toList();
    }

    public List<String> numbers() {
        return members.stream().map(Member::toNumber).toList();
    }

    /** This intent without the recipients of these numbers. */
    public BatchIntent without(Collection<String> numbers) {
        return new BatchIntent(jobInstanceId, batchNo, name,
                members.stream().filter(member -> !numbers.contains(member.toNumber())).toList(), zones, redialRound,
                scheduledAt, closesAt, at);
    }
}
