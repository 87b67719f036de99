package io.bulkcall.sandbox;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One line of a state folder's journal: a change to the simulation and the instant it was applied
 * at. Replayed in order on a new simulator, the lines give back the state they were written from,
 * since everything else (dispatch, call outcomes, ids) follows from them and the seeds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JournalEntry.Opened.class, name = "opened"),
        @JsonSubTypes.Type(value = JournalEntry.Created.class, name = "created"),
        @JsonSubTypes.Type(value = JournalEntry.Retried.class, name = "retried"),
        @JsonSubTypes.Type(value = JournalEntry.Cancelled.class, name = "cancelled"),
        @JsonSubTypes.Type(value = JournalEntry.Reconfigured.class, name = "reconfigured") })
sealed interface JournalEntry {

    Instant at();

    /**
     * The first line, written when the folder is made.
     *
     * @param format the layout of the folder, {@link StateFolder#FORMAT}
     * @param idSeed seeds the ids; chosen at random, so no two folders hand out the same ids
     * @param settings the settings the simulation starts with
     */
    record Opened(Instant at, int format, long idSeed, Knobs settings) implements JournalEntry {
    }

    /** Create Call Batch, with the id it gave the batch, against which a replay checks its own. */
    record Created(Instant at, String batchId, NewCallBatch batch) implements JournalEntry {
    }

    /** Retry Call Batch, applied (a cancelled batch's refusal is not). */
    record Retried(Instant at, String batchId) implements JournalEntry {
    }

    /** Cancel Call Batch, repeated ones included: they count. */
    record Cancelled(Instant at, String batchId) implements JournalEntry {
    }

    /** A server opened the folder with other settings; they apply from then on. */
    record Reconfigured(Instant at, Knobs settings) implements JournalEntry {
    }

    /**
     * What the journal keeps of a {@link SandboxSettings}: the knobs that decide how the simulation
     * goes on (how batches are admitted, how long calls ring and last, which attempts fail, what the
     * agent says first). Written with every change, so that the journal replays under the knobs each
     * request was applied with, and a changed knob takes effect from the run that changed it.
     *
     * @param seed seeds the stream of call outcomes
     */
    record Knobs(int orgConcurrencyLimit, Duration ringDuration, Duration callDuration, double failureRate,
            long seed, String welcomeMessage) {

        static Knobs of(SandboxSettings settings) {
            return new Knobs(settings.orgConcurrencyLimit(), settings.ringDuration(), settings.callDuration(),
                    settings.failureRate(), settings.seed(), settings.welcomeMessage());
        }
    }
}
