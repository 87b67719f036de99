package io.bulkcall.job.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.bulkcall.job.calls.QueuedCallsCanceller.CancelPass;
import io.bulkcall.job.calls.QueuedCallsCanceller.Occasion;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.store.WaitingGroup;
import io.bulkcall.sandbox.RecipientSnapshot;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.DatabaseFaults;
import io.bulkcall.testing.JobSteps;
import io.bulkcall.testing.StepTest;
import io.bulkcall.time.SimulatedClock;
import io.bulkcall.window.CallingWindows;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code await} step on its own, against the sandbox: five New York recipients in three batches
 * created by the {@code submit} step, each dialing one call at a time, calls answered after 30
 * seconds and lasting 30 minutes; polls every 5 minutes, for a day at the most in one job execution.
 */
@StepTest
@TestPropertySource(properties = { "bulkcall.batch.size=2", "bulkcall.batch.target-concurrency-limit=1",
        "bulkcall.poll.interval=5m", "bulkcall.poll.max-wait=1d", "bulkcall.sandbox.failure-rate=0",
        "bulkcall.sandbox.ring-duration=30s", "bulkcall.sandbox.call-duration=30m" })
class AwaitStepTest {

    private static final String NEW_YORK = "America/New_York";

    @Autowired
    private JobSteps steps;

    @Autowired
    private SandboxServer sandbox;

    @Autowired
    private SimulatedClock clock;

    @Test
    void aCancelPassThatCannotRecordItsCancelsCountsNoneCancelledAndSaysWhy(@Autowired QueuedCallsCanceller canceller,
            @Autowired DatabaseFaults database) {
        // given: three batches dialing, and a job database that refuses to record a cancel
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        StepExecution submit = job.startStep("submit");
        database.refuse("bc_batch", "cancelled_at IS NOT NULL");

        // when
        CancelPass pass = canceller.cancelQueued(submit.getJobExecution(), Occasion.STOP);

        // then: none counts as cancelled, and the pass says why
        assertThat(pass.batches()).isEqualTo(3);
        assertThat(pass.cancelled()).isZero();
        assertThat(pass.firstFailure()).startsWith("its cancel could not be recorded: ").containsIgnoringCase("planned_failure")
            .doesNotContain("UPDATE bc_batch", "\n");
    }

    @Test
    void pollsUntilTheCallsEndAndRecordsEveryOutcomeWithItsCallDetails() {
        // given: at 10:00 in New York
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        job.startStep("submit");

        // when
        StepExecution await = job.startStep("await");

        // then: two rounds of calls, an hour of simulated time
        assertThat(await.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(await.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(clock.instant()).isAfter(sandbox.batches().get(0).admittedAt().plus(Duration.ofHours(1)));
        assertThat(job.batches()).hasSize(3).allSatisfy(batch -> {
            assertThat(batch.finished()).isTrue();
            assertThat(batch.status()).isEqualTo("completed");
            assertThat(batch.cancelledAt()).isNull();
        });
        Map<String, String> callIds = sandboxRecipients().stream()
            .collect(Collectors.toMap(RecipientSnapshot::toNumber, RecipientSnapshot::agentCallId));
        assertThat(job.results()).hasSize(5).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo("completed");
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.agentCallId()).isEqualTo(callIds.get(result.toNumber()));
            assertThat(result.duration()).isEqualTo(Duration.ofMinutes(30));
            assertThat(result.summary()).isNotBlank();
        });
    }

    @Test
    void aPollThatFailedIsMadeAgainByTheRestartWhichRecordsEveryOutcomeOnce() {
        // given: the second poll failed, both attempts at its List Call Batches answered 500
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        job.startStep("submit");
        sandbox.planFault(SandboxEndpoint.LIST_BATCHES, SandboxFault.INTERNAL_ERROR, 1);
        sandbox.planFault(SandboxEndpoint.LIST_BATCHES, SandboxFault.INTERNAL_ERROR);
        assertThat(job.startStep("await").getStatus()).isEqualTo(BatchStatus.FAILED);

        // when
        StepExecution restarted = job.startStep("await");

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(job.batches()).hasSize(3).allSatisfy(batch -> assertThat(batch.finished()).isTrue());
        assertThat(job.results()).hasSize(5).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo("completed");
            assertThat(result.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aWindowClosingMidBatchCancelsTheQueuedCallsAndEndsDueForTheNextOpening() {
        // given: at 19:30 in New York, 25 minutes of dialing before the closing margin
        clock.advanceTo(Instant.parse("2026-11-26T00:30:00Z"));
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        job.startStep("submit");

        // when
        StepExecution await = job.startStep("await");

        // then: it ends for the submit step once the carried recipients are due, Thursday before 09:00
        Instant closingMargin = Instant.parse("2026-11-26T00:55:00Z");
        Instant thursdayOpening = Instant.parse("2026-11-26T14:00:00Z");
        assertThat(await.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(await.getExitStatus().getExitCode()).isEqualTo(AwaitCallsTasklet.SUBMIT.getExitCode());
        assertThat(clock.instant()).isEqualTo(thursdayOpening.minus(CallingWindows.CREATE_AHEAD));
        assertThat(job.batches()).hasSize(3).allSatisfy(batch -> {
            assertThat(batch.finished()).isTrue();
            assertThat(batch.cancelledAt()).isEqualTo(closingMargin);
        });
        List<RecipientSnapshot> atCartesia = sandboxRecipients();
        List<String> neverDialed = atCartesia.stream()
            .filter(recipient -> recipient.attempts() == 0)
            .map(RecipientSnapshot::toNumber)
            .toList();
        assertThat(neverDialed).hasSize(2);
        assertThat(atCartesia).noneMatch(recipient -> recipient.status().equals("queued"));
        assertThat(job.results()).allSatisfy(result -> {
            boolean carried = neverDialed.contains(result.toNumber());
            assertThat(result.status()).isEqualTo(carried ? "cancelled" : "completed");
            assertThat(result.attempts()).isEqualTo(carried ? 0 : 1);
        });
        assertThat(job.waiting()).containsExactly(new WaitingGroup(NEW_YORK, 0, 2, null));
    }

    @Test
    void aRestartAfterAFailedRecordingFindsTheRecipientsTheBatchesBeforeItSentBackToWait(@Autowired DatabaseFaults database) {
        // given: at 19:30 in New York, the window closing mid-batch; batches 1 and 2 each carry a
        // recipient over to the next opening, batch 3 carries none, and its recording failed: the step's
        // last checkpoint is from before batches 1 and 2 were recorded
        clock.advanceTo(Instant.parse("2026-11-26T00:30:00Z"));
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        job.startStep("submit");
        database.refuse("bc_batch", "batch_no = 3 AND finished");
        assertThat(job.startStep("await").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(job.batches()).extracting(TrackedBatch::finished).containsExactly(true, true, false);

        // when
        database.forgetPlannedFaults();
        StepExecution restarted = job.startStep("await");

        // then: it ends for the submit step once the carried recipients are due, not as if none waited
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getExitStatus().getExitCode()).isEqualTo(AwaitCallsTasklet.SUBMIT.getExitCode());
        assertThat(job.waiting()).containsExactly(new WaitingGroup(NEW_YORK, 0, 2, null));
    }

    @Test
    void restartedAfterMaxWaitItWaitsMaxWaitAgain() {
        // given: at 21:00 in New York on Saturday, a day and a half before Monday's opening; the
        // step stopped after waiting a day (bulkcall.poll.max-wait)
        Instant saturdayEvening = Instant.parse("2026-11-29T02:00:00Z");
        clock.advanceTo(saturdayEvening);
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        job.startStep("submit");
        StepExecution stopped = job.startStep("await");
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(clock.instant()).isEqualTo(saturdayEvening.plus(Duration.ofDays(1)));

        // when
        StepExecution restarted = job.startStep("await");

        // then: it waits for Monday's opening, 12 hours later, and ends for the submit step
        Instant mondayOpening = Instant.parse("2026-11-30T14:00:00Z");
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getExitStatus().getExitCode()).isEqualTo(AwaitCallsTasklet.SUBMIT.getExitCode());
        assertThat(clock.instant()).isEqualTo(mondayOpening.minus(CallingWindows.CREATE_AHEAD));
    }

    private List<RecipientSnapshot> sandboxRecipients() {
        return sandbox.batches().stream().flatMap(batch -> batch.recipients().stream()).toList();
    }
}
