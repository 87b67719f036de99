package io.bulkcall.window;

import java.time.Instant;

/**
 * When a group of recipients waiting for a batch is dialed next.
 *
 * @param createAt when its batches are created: at once, or just ahead of its window's opening
 * @param scheduledAt when they start dialing, for Create Call Batch's {@code scheduled_at}; {@code null}
 *        to dial at once
 * @param windowEnd when the window they dial in ends, {@code null} when no window limits them: their
 *        queued calls are cancelled the closing margin before it
 */
public record Dispatch(Instant createAt, Instant scheduledAt, Instant windowEnd) {

    /** Whether the group's batches are created now. */
    public boolean isDue(Instant now) {
        return !createAt.isAfter(now);
    }

    /** Whether the group may be dialed right now: due, and not waiting for a later start. */
    public boolean isOpen(Instant now) {
        return isDue(now) && (scheduledAt == null || !scheduledAt.isAfter(now));
    }
}
