package io.bulkcall.job.calls;

import java.time.Duration;
import java.util.stream.IntStream;

import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.JobSteps;
import io.bulkcall.testing.StepTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll that finds many batches finished records them one at a time, each with its outcomes, call
 * details and finished flag in a transaction of its own: a failure half-way loses only the batch being
 * recorded and those after it, and the restart records them, and every other, exactly once. Six
 * batches of one recipient, all calls over by the second poll. (A real kill in such a poll:
 * {@code crash/KillAndRestartIT}.)
 */
@StepTest
@TestPropertySource(properties = { "bulkcall.batch.size=1", "bulkcall.poll.interval=5m",
        "bulkcall.sandbox.failure-rate=0", "bulkcall.sandbox.ring-duration=0s", "bulkcall.sandbox.call-duration=1m" })
class BatchByBatchRecordingTest {

    @Autowired
    private JobSteps steps;

    @Autowired
    private SandboxServer sandbox;

    @ParameterizedTest(name = "failing on {0}")
    @EnumSource(names = { "GET_BATCH", "LIST_CALLS" })
    void aFailureWhileRecordingKeepsTheBatchesRecordedBeforeItAndTheRestartRecordsEachBatchOnce(SandboxEndpoint read) {
        // given: six batches whose calls all end between the first poll and the second, and Cartesia
        // failing every read of a finished batch (Get Call Batch, or List Calls) after the third: the
        // batches are read a few ahead, on two threads, so which batch meets the failures first
        // depends on who asks first
        JobSteps.StagedJob job = steps.staged("six.csv", CsvFiles.numbers(6));
        job.startStep("submit");
        sandbox.planFault(read, SandboxFault.INTERNAL_ERROR, 3);
        IntStream.range(0, 8).forEach(i -> sandbox.planFault(read, SandboxFault.INTERNAL_ERROR));

        // when
        StepExecution failed = job.startStep("await");

        // then: those recorded before the failure stay recorded, each whole
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        long recordedBefore = job.batches().stream().filter(TrackedBatch::finished).count();
        assertThat(recordedBefore).isBetween(0L, 3L);
        assertThat(job.results()).filteredOn(result -> result.agentCallId() != null).hasSize((int) recordedBefore);

        // when: Cartesia answers again
        sandbox.forgetPlannedFaults();
        StepExecution restarted = job.startStep("await");

        // then: every batch recorded, every outcome once
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(job.batches()).hasSize(6).allSatisfy(batch -> assertThat(batch.finished()).isTrue());
        assertThat(job.results()).hasSize(6).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo("completed");
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.agentCallId()).isNotNull();
            assertThat(result.duration()).isEqualTo(Duration.ofMinutes(1));
        });
    }
}
