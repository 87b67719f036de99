package io.bulkcall.job.submit;

import java.util.List;
import java.util.Map;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CallRecipient;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.CreateCallBatchRequest;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.DatabaseFaults;
import io.bulkcall.testing.JobSteps;
import io.bulkcall.testing.StepTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@code submit} step on its own, against the sandbox: five recipients staged by the
 * {@code validate} step, in batches of two.
 */
@StepTest
@TestPropertySource(properties = "bulkcall.batch.size=2")
class SubmitStepTest {

    @Autowired
    private JobSteps steps;

    @Autowired
    private SandboxServer sandbox;

    @Autowired
    private DatabaseFaults database;

    @Autowired
    private CartesiaClient client;

    @Test
    void createsOneNamedBatchPerPlannedBatchAndRecordsItsId() {
        // given
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));

        // when
        StepExecution submit = job.startStep("submit");

        // then
        assertThat(submit.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(submit.getWriteCount()).isEqualTo(3);
        List<CallBatchSnapshot> created = sandbox.batches();
        assertThat(created).extracting(CallBatchSnapshot::name)
            .containsExactly(name(job, 1), name(job, 2), name(job, 3));
        assertThat(created).extracting(CallBatchSnapshot::toNumbers)
            .containsExactly(CsvFiles.usNumbers(5).subList(0, 2), CsvFiles.usNumbers(5).subList(2, 4),
                    CsvFiles.usNumbers(5).subList(4, 5));
        assertThat(job.batches()).extracting(TrackedBatch::batchId)
            .containsExactlyElementsOf(created.stream().map(CallBatchSnapshot::id).toList());
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(3);
    }

    @Test
    void restartedItCreatesNothingNew() {
        // given: the step created the job's three batches
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        job.startStep("submit");
        List<TrackedBatch> recorded = job.batches();

        // when
        StepExecution again = job.startStep("submit");

        // then
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(again.getWriteCount()).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(3);
        assertThat(sandbox.batches()).hasSize(3);
        assertThat(job.batches()).isEqualTo(recorded);
    }

    @Test
    void aBatchWhoseCreateWasInDoubtIsAdoptedByNameRatherThanCreatedAgain() {
        // given: a run that failed once Cartesia had created batch 2, before bulkcall knew its id: the
        // answer was lost, then both attempts at List Call Batches failed (the list that reconciles
        // at the step's start went through)
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.LOST_RESPONSE, 1);
        sandbox.planFault(SandboxEndpoint.LIST_BATCHES, SandboxFault.INTERNAL_ERROR, 1);
        sandbox.planFault(SandboxEndpoint.LIST_BATCHES, SandboxFault.INTERNAL_ERROR);
        assertThat(job.startStep("submit").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(job.batches()).extracting(TrackedBatch::name, TrackedBatch::batchId)
            .containsExactly(tuple(name(job, 1), sandbox.batches().get(0).id()), tuple(name(job, 2), null));
        assertThat(sandbox.batchesNamed(name(job, 2))).hasSize(1);

        // when
        StepExecution restarted = job.startStep("submit");

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(3);
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::name)
            .containsExactly(name(job, 1), name(job, 2), name(job, 3));
        assertThat(sandbox.createdToNumbers()).containsExactlyElementsOf(CsvFiles.usNumbers(5));
        assertThat(job.batches()).extracting(TrackedBatch::batchId)
            .containsExactlyElementsOf(sandbox.batches().stream().map(CallBatchSnapshot::id).toList());
    }

    @Test
    void aRunThatFailedOnItsFirstLookAtCartesiaCreatedNothingAndTheRestartCreatesEveryBatchOnce() {
        // given: both attempts at the List Call Batches that reconciles at the step's start failed
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        sandbox.planFault(SandboxEndpoint.LIST_BATCHES, SandboxFault.INTERNAL_ERROR);
        sandbox.planFault(SandboxEndpoint.LIST_BATCHES, SandboxFault.INTERNAL_ERROR);
        assertThat(job.startStep("submit").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isZero();

        // when
        StepExecution restarted = job.startStep("submit");

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::name)
            .containsExactly(name(job, 1), name(job, 2), name(job, 3));
        assertThat(sandbox.createdToNumbers()).containsExactlyElementsOf(CsvFiles.usNumbers(5));
    }

    @Test
    void aBatchCreatedWhoseIdWasNeverCommittedIsAdoptedByTheRestartRatherThanCreatedAgain() {
        // given: a run that failed after Cartesia answered the create of batch 2, as the job database
        // refused its id: the chunk that records it rolled back, its intent (committed before the send) stayed
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        database.refuse("bc_batch", "batch_no = 2 AND batch_id IS NOT NULL");
        assertThat(job.startStep("submit").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(job.batches()).extracting(TrackedBatch::name, TrackedBatch::batchId)
            .containsExactly(tuple(name(job, 1), sandbox.batches().get(0).id()), tuple(name(job, 2), null));
        assertThat(sandbox.batchesNamed(name(job, 2))).hasSize(1);

        // when
        database.forgetPlannedFaults();
        StepExecution restarted = job.startStep("submit");

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(3);
        assertThat(sandbox.createdToNumbers()).containsExactlyElementsOf(CsvFiles.usNumbers(5));
        assertThat(job.batches()).extracting(TrackedBatch::batchId)
            .containsExactlyElementsOf(sandbox.batches().stream().map(CallBatchSnapshot::id).toList());
    }

    @Test
    void aNameCartesiaHoldsTwiceStopsTheStepBeforeItCreatesAnything() {
        // given: two batches at Cartesia under the name of the job's first batch, which bulkcall gives once
        JobSteps.StagedJob job = steps.staged("five.csv", CsvFiles.numbers(5));
        CallBatch one = client.createCallBatch(named(name(job, 1)));
        CallBatch other = client.createCallBatch(named(name(job, 1)));

        // when
        StepExecution submit = job.startStep("submit");

        // then
        assertThat(submit.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(submit.getFailureExceptions()).singleElement().satisfies(failure -> assertThat(failure)
            .hasStackTraceContaining("Cartesia holds 2 call batches named \"" + name(job, 1) + "\"")
            .hasStackTraceContaining(one.id())
            .hasStackTraceContaining(other.id())
            .hasStackTraceContaining("cancel the extra ones by hand before restarting"));
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(2);
        assertThat(job.batches()).isEmpty();
    }

    private static CreateCallBatchRequest named(String name) {
        return new CreateCallBatchRequest(name, "agent_sandbox", "ap_sandbox",
                List.of(new CallRecipient("+12125550143", Map.of(), null)), null, null, null, null);
    }

    private static String name(JobSteps.StagedJob job, int batchNo) {
        return CallBatchNames.of(job.file(), job.instanceId(), batchNo);
    }
}
