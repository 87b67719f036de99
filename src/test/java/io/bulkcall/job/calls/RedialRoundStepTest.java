package io.bulkcall.job.calls;

import java.util.List;

import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientResult;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.store.WaitingGroup;
import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.JobSteps;
import io.bulkcall.testing.StepTest;
import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The redial round's step ({@code retry}) on its own, against the sandbox: every attempt fails, one
 * call at a time, and the one round allowed opens six hours after the first pass, when London's
 * window has closed and New York's is still open.
 */
@StepTest
@TestPropertySource(properties = { "bulkcall.batch.size=2", "bulkcall.retry.max-attempts=1",
        "bulkcall.retry.delay=6h", "bulkcall.sandbox.failure-rate=1", "bulkcall.sandbox.org-concurrency-limit=1" })
class RedialRoundStepTest {

    private static final String NEW_YORK = "America/New_York";
    private static final String LONDON = "Europe/London";
    private static final long OTHER_JOB = 99;

    @Autowired
    private JobSteps steps;

    @Autowired
    private SandboxServer sandbox;

    @Autowired
    private JobRecordRepository jobs;

    @Autowired
    private ContactHistory contacts;

    @Autowired
    private CallBatchRepository batches;

    @Autowired
    private CallBatchCanceller canceller;

    @Autowired
    private SimulatedClock clock;

    @Test
    void retriesOncePerBatchWhoseWindowIsOpenAndRecordsTheRound() {
        // given: two New York and two London recipients failed, in a batch for each city
        JobSteps.StagedJob job = failedFirstPass(
                "to_number\n+12125550100\n+12125550101\n+442079460000\n+442079460001\n");
        assertThat(job.batches()).extracting(TrackedBatch::zones, TrackedBatch::failed)
            .containsExactly(tuple(NEW_YORK, 2), tuple(LONDON, 2));

        // when
        StepExecution retry = job.startStep("retry");

        // then: New York's batch is retried, London's recipients wait for a batch at its next opening
        assertThat(retry.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isEqualTo(1);
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::retryCount).containsExactly(1, 0);
        assertThat(jobs.retryRounds(job.instanceId())).isEqualTo(1);
        assertThat(job.batches())
            .extracting(TrackedBatch::zones, TrackedBatch::retryRounds, TrackedBatch::retryCount,
                    TrackedBatch::finished)
            .containsExactly(tuple(NEW_YORK, 1, 1, false), tuple(LONDON, 1, 0, true));
        assertThat(job.results()).extracting(RecipientResult::zones, RecipientResult::status, RecipientResult::attempts)
            .containsExactly(tuple(NEW_YORK, "queued", 2), tuple(NEW_YORK, "queued", 2), tuple(LONDON, "failed", 1),
                    tuple(LONDON, "failed", 1));
        assertThat(job.waiting()).containsExactly(new WaitingGroup(LONDON, 1, 2));
    }

    @Test
    void restartedItDoesNotRetryTwice() {
        // given
        JobSteps.StagedJob job = roundThatFailedOnceCartesiaRetriedBatchTwo();

        // when
        StepExecution restarted = job.startStep("retry");

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isEqualTo(2);
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::retryCount).containsExactly(1, 1);
        assertThat(jobs.retryRounds(job.instanceId())).isEqualTo(1);
        assertThat(job.batches()).extracting(TrackedBatch::retryRounds, TrackedBatch::retryCount)
            .containsExactly(tuple(1, 1), tuple(1, 1));
        assertThat(job.results()).extracting(RecipientResult::status, RecipientResult::attempts)
            .containsOnly(tuple("queued", 2));
    }

    @Test
    void restartedAfterCartesiaRetriedABatchItFollowsTheRetryEvenOfANumberNowAtItsContactLimit() {
        // given: meanwhile, other jobs dialed a number of batch 2 three times, the contact limit
        JobSteps.StagedJob job = roundThatFailedOnceCartesiaRetriedBatchTwo();
        for (int batchNo = 1; batchNo <= 3; batchNo++) {
            contacts.record(OTHER_JOB, batchNo, 0, List.of(CsvFiles.usNumber(2)), clock.instant());
        }

        // when
        StepExecution restarted = job.startStep("retry");

        // then: Cartesia redials batch 2 whatever the limit says; its outcomes are awaited there, and
        // none of its recipients waits for a batch of its own, to be dialed a second time in the round
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(job.batches()).extracting(TrackedBatch::retryRounds, TrackedBatch::finished)
            .containsExactly(tuple(1, false), tuple(1, false));
        assertThat(job.waiting()).isEmpty();
    }

    @Test
    void aRedialCancelledBeforeItWasDialedIsMadeInABatchOfTheRoundThatTheRoundLeavesAlone() {
        // given: New York's batch retried in the round, then cancelled (a stop) while one redial was queued
        JobSteps.StagedJob job = failedFirstPass(CsvFiles.numbers(2));
        job.startStep("retry");
        canceller.cancel(job.batches().get(0));

        // when: the cancelled batch's outcomes come in, the recipient it did not redial gets a batch, and fails
        job.startStep("await");
        job.startStep("submit");
        job.startStep("await");

        // then: the new batch belongs to the round, which does not redial it a third time
        assertThat(job.batches())
            .extracting(TrackedBatch::recipients, TrackedBatch::redialRound, TrackedBatch::retryRounds,
                    TrackedBatch::finished)
            .containsExactly(tuple(2, 0, 1, true), tuple(1, 1, 1, true));
        assertThat(batches.redialTargets(job.instanceId(), 1)).isEmpty();
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 1, List.of(CsvFiles.usNumber(0), CsvFiles.usNumber(1)));
    }

    /**
     * Two New York batches of two failed recipients, and a round that retried batch 1, then failed
     * once Cartesia had retried batch 2, before bulkcall knew: the answer was lost, then Get Call
     * Batch failed.
     */
    private JobSteps.StagedJob roundThatFailedOnceCartesiaRetriedBatchTwo() {
        JobSteps.StagedJob job = failedFirstPass(CsvFiles.numbers(4));
        sandbox.planFault(SandboxEndpoint.RETRY_BATCH, SandboxFault.LOST_RESPONSE, 1);
        sandbox.planFault(SandboxEndpoint.GET_BATCH, SandboxFault.INTERNAL_ERROR, 2);
        sandbox.planFault(SandboxEndpoint.GET_BATCH, SandboxFault.INTERNAL_ERROR);
        assertThat(job.startStep("retry").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::retryCount).containsExactly(1, 1);
        assertThat(job.batches()).extracting(TrackedBatch::retryRounds).containsExactly(1, 0);
        return job;
    }

    /** Stages the file, creates its batches, and waits until every call failed. */
    private JobSteps.StagedJob failedFirstPass(String csv) {
        JobSteps.StagedJob job = steps.staged("failing.csv", csv);
        job.startStep("submit");
        job.startStep("await");
        assertThat(job.results()).extracting(RecipientResult::status).containsOnly("failed");
        return job;
    }
}
