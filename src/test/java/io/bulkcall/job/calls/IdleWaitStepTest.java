package io.bulkcall.job.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.JobSteps;
import io.bulkcall.testing.StepTest;
import io.bulkcall.time.SimulatedClock;
import io.bulkcall.time.Waiter;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While nothing is queued or in flight and every window is closed, the {@code await} step waits for
 * the next opening in one wait, however long, and writes nothing meanwhile; it still sees, within a
 * poll interval, a {@code bulkcall cancel} from another process. Waits here move the simulated clock a
 * minute at a time, looking at the stop request before each step as a sleeping wait does between its
 * slices, so that a cancel can land in the middle of one. Polls every 200 ms. A New York file on
 * Wednesday 10:00, dialed on Thursdays 20:00-21:00 only: a day and a half away.
 */
@StepTest
@Import(IdleWaitStepTest.SteppedWaits.class)
@TestPropertySource(properties = { "bulkcall.poll.interval=200ms", "bulkcall.calling-window.days=THU",
        "bulkcall.calling-window.hours=20:00-21:00", "bulkcall.sandbox.failure-rate=0" })
class IdleWaitStepTest {

    /** Thursday 20:00 in New York. */
    private static final Instant OPENING = Instant.parse("2026-11-27T01:00:00Z");

    /** How far the clock moves between two looks at the stop request. */
    private static final Duration STEP = Duration.ofMinutes(1);

    @Autowired
    private JobSteps steps;

    @Autowired
    private SimulatedClock clock;

    @Autowired
    private SteppingWaiter waiter;

    @Autowired
    private JobRecordRepository jobs;

    @Test
    void aDayAndAHalfWithNothingToPollIsOneWaitThatWritesTheStepAFewTimesAtMost() {
        // given
        JobSteps.StagedJob job = steps.staged("later.csv", CsvFiles.numbers(3));

        // when
        StepExecution await = job.startStep("await");

        // then: due for its batches two minutes before Thursday's opening, having looked at the job
        // database about once a poll interval, and written the step's execution a handful of times
        assertThat(await.getExitStatus().getExitCode()).isEqualTo(AwaitCallsTasklet.SUBMIT.getExitCode());
        assertThat(clock.instant()).isEqualTo(OPENING.minus(Duration.ofMinutes(2)));
        assertThat(await.getVersion()).isLessThanOrEqualTo(5);
    }

    @Test
    void aCancelFromAnotherProcessDuringTheWaitIsSeenWithinAPollInterval() {
        // given: another process cancels the job ten hours into the wait
        JobSteps.StagedJob job = steps.staged("later.csv", CsvFiles.numbers(3));
        Instant cancelledAt = clock.instant().plus(Duration.ofHours(10));
        waiter.at(cancelledAt, () -> jobs.markCancelled(job.instanceId()));

        // when
        StepExecution await = job.startStep("await");

        // then: seen at the first look after it
        assertThat(await.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(clock.instant()).isBetween(cancelledAt, cancelledAt.plus(STEP));
        assertThat(job.batches()).isEmpty();
    }

    /** Moves the simulated clock a step at a time, asking whether to stop before each step. */
    static final class SteppingWaiter implements Waiter {

        private final SimulatedClock clock;
        private Instant eventAt = Instant.MAX;
        private Runnable event = () -> {
        };

        SteppingWaiter(SimulatedClock clock) {
            this.clock = clock;
        }

        /** Runs {@code action} once the clock reaches {@code at}, as something that happens meanwhile. */
        void at(Instant at, Runnable action) {
            eventAt = at;
            event = action;
        }

        @Override
        public boolean waitUntil(Instant until, BooleanSupplier stopRequested) {
            while (clock.instant().isBefore(until)) {
                if (stopRequested.getAsBoolean()) {
                    return false;
                }
                Instant next = clock.instant().plus(STEP);
                clock.advanceTo(next.isBefore(until) ? next : until);
                if (!clock.instant().isBefore(eventAt)) {
                    eventAt = Instant.MAX;
                    event.run();
                }
            }
            return !stopRequested.getAsBoolean();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SteppedWaits {

        @Bean
        @Primary
        SteppingWaiter steppingWaiter(SimulatedClock clock) {
            return new SteppingWaiter(clock);
        }
    }
}
