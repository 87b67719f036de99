package io.bulkcall.job.launch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.bulkcall.job.store.TrackedBatch;

import org.springframework.batch.core.BatchStatus;

/**
 * One job as {@code bulkcall status} shows it: its latest execution, its call progress as the last
 * poll recorded it, and, for the detailed view, its time-zone groups. Immutable.
 *
 * @param executionId the id to pass to {@code restart} and {@code cancel}
 * @param state Spring Batch's status of the execution ({@code STARTED}, {@code COMPLETED}, ...)
 * @param leftBy for a job the database says runs, the process that ran it where that process is gone
 *     (killed, or its database failed under it): {@code 4242@node-a}; the next run recovers the job.
 *     {@code null} for a job that runs, or ended
 * @param batches the job's call batches, for the detailed view
 * @param progress how far its calls are, how fast they go and when they should be done
 * @param groups its time-zone groups, largest first; empty for a completed job in the list of jobs
 * @param asOf when it was read: what "in 7h" and the like count from
 */
public record JobStatus(
        long executionId,
        long jobInstanceId,
        String file,
        String state,
        String leftBy,
        String exitDescription,
        List<TrackedBatch> batches,
        long completed,
        long failed,
        LocalDateTime started,
        Duration duration,
        Progress progress,
        List<Group> groups,
        Instant asOf) {

    public JobStatus {
        batches = List.copyOf(batches);
        groups = List.copyOf(groups);
    }

    public long batchesFinished() {
        return batches.stream().filter(TrackedBatch::finished).count();
    }

    /** Whether the database says it runs; {@link #leftBy} says whether its process is gone. */
    public boolean isRunning() {
        return BatchStatus.valueOf(state).isRunning();
    }

    /**
     * A job's calls as the last poll saw them.
     *
     * @param done calls whose latest attempt ended (completed or failed), over all its batches; a
     *        recipient redialed by Retry Call Batch counts again
     * @param total calls it makes in this round: its batches' recipients (those a batch cancelled before
     *        dialing them left out) and the recipients that wait for a batch
     * @param perMinute calls done per minute over the last polls; {@code null} before two polls, and
     *        once the job is not running
     * @param eta how long the rest should take at that rate, {@code null} without a rate above zero
     * @param nextOpening when dialing resumes, where every group with calls left waits for its window
     *        to open; {@code null} while one dials
     * @param nextOpeningZones the zones of the group that opens then
     * @param nextOpeningLocal {@link #nextOpening} in that group's time: {@code Thu 09:00 America/New_York}
     * @param lastPollAt when the last poll recorded its progress, {@code null} before the first
     */
    public record Progress(long done, long total, Double perMinute, Duration eta, Instant nextOpening,
            String nextOpeningZones, String nextOpeningLocal, Instant lastPollAt) {

        public boolean windowClosed() {
            return nextOpening != null;
        }
    }

    /**
     * A time-zone group of a job: recipients whose calling window is worked out in the same zones.
     *
     * @param zones the {@code Zones} key, {@code none} for recipients staged with windows off
     * @param window whether its window is open now
     * @param nextChange when it next closes (while open) or opens (while closed); {@code null} without
     *        a window, or without an opening within a year
     * @param nextChangeLocal {@link #nextChange} in the group's own time: {@code Thu 09:00}
     * @param waiting recipients waiting for a batch (not submitted yet, or carried over to the next opening)
     * @param queued recipients in its batches that were not dialed yet
     * @param dialed calls of its batches under way
     * @param finished calls of its batches that ended
     */
    public record Group(String zones, Window window, Instant nextChange, String nextChangeLocal, long waiting,
            long queued, long dialed, long finished) {

        public boolean hasCallsLeft() {
            return waiting + queued + dialed > 0;
        }
    }

    /** The state of a group's calling window now. */
    public enum Window {
        /** Open: calls may be dispatched until {@code nextChange}. */
        OPEN,
        /** Closed until {@code nextChange}. */
        CLOSED,
        /** Calling windows were off for these recipients: they are dialed at once. */
        NONE,
        /** No opening within a year: these recipients are not dialed. */
        NEVER
    }
}
