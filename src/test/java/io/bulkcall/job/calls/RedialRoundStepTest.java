package io.bulkcall.job.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.RecipientResult;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.CallOutcome;
import io.bulkcall.sandbox.RecipientSnapshot;
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

import static io.bulkcall.sandbox.CallOutcome.ANSWERED;
import static io.bulkcall.sandbox.CallOutcome.DIAL_BUSY;
import static io.bulkcall.sandbox.CallOutcome.DIAL_FAILED;
import static io.bulkcall.sandbox.CallOutcome.DIAL_NO_ANSWER;
import static io.bulkcall.sandbox.CallOutcome.FAILED_BEFORE_DIALING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Redials that follow the outcome, through the steps that make them ({@code await} records a batch
 * and decides, {@code submit} and {@code retry} redial), against the sandbox with each number's
 * outcomes planned: one round, a busy line tried again ten minutes after its call, an unanswered one
 * after two hours, a number the network could not dial not at all, anything else after 15 minutes.
 * Batches of two, each dialing one call at a time; calls ring for 30 seconds, answered ones last 2
 * minutes. New York, Wednesday 10:00.
 */
@StepTest
@TestPropertySource(properties = { "bulkcall.batch.size=2", "bulkcall.batch.target-concurrency-limit=1",
        "bulkcall.redial.rounds=1", "bulkcall.redial.delay=15m",
        // an unanswered call's key in one word, as an environment variable gives it (BULKCALL_REDIAL_DELAYAFTER_DIALNOANSWER)
        "bulkcall.redial.delay-after.dial_busy=10m", "bulkcall.redial.delay-after.dialnoanswer=2h",
        "bulkcall.redial.outcomes=dial_no_answer,dial_busy,error,other,not_placed", "bulkcall.sandbox.failure-rate=0",
        "bulkcall.sandbox.ring-duration=30s", "bulkcall.sandbox.call-duration=2m" })
class RedialRoundStepTest {

    private static final long OTHER_JOB = 99;

    @Autowired
    private JobSteps steps;

    @Autowired
    private SandboxServer sandbox;

    @Autowired
    private ContactHistory contacts;

    @Autowired
    private CallBatchCanceller canceller;

    @Autowired
    private SimulatedClock clock;

    @Test
    void eachFailedRecipientIsRedialedItsOutcomesDelayAfterItsCallInANewBatchOfItsGroup() {
        // given: two batches of two whose first attempts end busy, unanswered, failed to connect, not placed
        List<String> numbers = CsvFiles.usNumbers(4);
        plan(numbers.get(0), DIAL_BUSY, ANSWERED);
        plan(numbers.get(1), DIAL_NO_ANSWER, ANSWERED);
        plan(numbers.get(2), DIAL_FAILED, ANSWERED);
        plan(numbers.get(3), FAILED_BEFORE_DIALING, ANSWERED);
        JobSteps.StagedJob job = steps.staged("mixed.csv", CsvFiles.numbers(4));
        job.startStep("submit");

        // when
        List<String> ran = job.runCalls();

        // then: three new batches, one per due time, and no Retry Call Batch
        Map<String, List<Instant>> dials = dialsByNumber();
        Instant busyEnded = dials.get(numbers.get(0)).get(0).plus(Duration.ofSeconds(30));
        Instant unansweredEnded = dials.get(numbers.get(1)).get(0).plus(Duration.ofSeconds(30));
        assertThat(dials.get(numbers.get(0))).element(1).isEqualTo(busyEnded.plus(Duration.ofMinutes(10)));
        assertThat(dials.get(numbers.get(1))).element(1).isEqualTo(unansweredEnded.plus(Duration.ofHours(2)));
        assertThat(dials.get(numbers.get(2))).hasSize(1);
        assertThat(dials.get(numbers.get(3))).hasSize(2);
        assertThat(Duration.between(dials.get(numbers.get(3)).get(0), dials.get(numbers.get(3)).get(1)))
            .isBetween(Duration.ofMinutes(15), Duration.ofMinutes(16));
        assertThat(ran).doesNotContain("await:RETRY").filteredOn(step -> step.equals("await:SUBMIT")).hasSize(3);
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isZero();
        assertThat(job.batches()).extracting(TrackedBatch::recipients, TrackedBatch::redialRound)
            .containsExactly(tuple(2, 0), tuple(2, 0), tuple(1, 1), tuple(1, 1), tuple(1, 1));
        assertThat(job.results())
            .extracting(RecipientResult::status, RecipientResult::attempts, RecipientResult::errorMessage)
            .containsExactly(tuple("completed", 2, null), tuple("completed", 2, null),
                    tuple("failed", 1, "not redialed: dial_failed is not in bulkcall.redial.outcomes"),
                    tuple("completed", 2, null));
    }

    @Test
    void failedRecipientsAllDueAtOneMomentAreRedialedByOneRetryCallBatchAndACompletedCallIsNot() {
        // given: one unanswered and one answered in one batch
        List<String> numbers = CsvFiles.usNumbers(2);
        plan(numbers.get(0), DIAL_NO_ANSWER, ANSWERED);
        plan(numbers.get(1), ANSWERED);
        JobSteps.StagedJob job = steps.staged("retried.csv", CsvFiles.numbers(2));
        job.startStep("submit");

        // when
        List<String> ran = job.runCalls();

        // then
        Map<String, List<Instant>> dials = dialsByNumber();
        Instant unansweredEnded = dials.get(numbers.get(0)).get(0).plus(Duration.ofSeconds(30));
        assertThat(ran).contains("await:RETRY", "retry:COMPLETED").doesNotContain("await:SUBMIT");
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isEqualTo(1);
        assertThat(sandbox.batches()).singleElement().extracting(CallBatchSnapshot::retryCount).isEqualTo(1);
        assertThat(dials.get(numbers.get(0))).element(1).isEqualTo(unansweredEnded.plus(Duration.ofHours(2)));
        assertThat(dials.get(numbers.get(1))).hasSize(1);
        assertThat(job.results()).extracting(RecipientResult::status, RecipientResult::attempts)
            .containsExactly(tuple("completed", 2), tuple("completed", 1));
    }

    @Test
    void aRedialBatchWhoseAnswerWasLostAndCouldNotBeLookedUpIsAdoptedByTheRestartNotCreatedAgain() {
        // given: a busy line and an unanswered one in a batch; the busy one due for its redial in a new batch
        List<String> numbers = CsvFiles.usNumbers(2);
        plan(numbers.get(0), DIAL_BUSY, ANSWERED);
        plan(numbers.get(1), DIAL_NO_ANSWER, ANSWERED);
        JobSteps.StagedJob job = steps.staged("lost.csv", CsvFiles.numbers(2));
        job.startStep("submit");
        assertThat(job.startStep("await").getExitStatus().getExitCode()).isEqualTo("SUBMIT");
        // and the redial's create applied with its answer lost, and Cartesia failing both looks for it
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.LOST_RESPONSE);
        sandbox.planFault(SandboxEndpoint.LIST_BATCHES, SandboxFault.INTERNAL_ERROR, 1);
        sandbox.planFault(SandboxEndpoint.LIST_BATCHES, SandboxFault.INTERNAL_ERROR, 0);
        assertThat(job.startStep("submit").getStatus()).isEqualTo(BatchStatus.FAILED);

        // when
        StepExecution restarted = job.startStep("submit");
        job.runCalls();

        // then: the batch Cartesia holds is the busy line's redial, and each number is dialed twice, no more
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.batches()).hasSize(3);
        assertThat(dialsByNumber()).allSatisfy((number, dials) -> assertThat(dials).hasSize(2));
        assertThat(job.batches()).extracting(TrackedBatch::redialRound).containsExactly(0, 1, 1);
        assertThat(job.results()).extracting(RecipientResult::status, RecipientResult::attempts)
            .containsExactly(tuple("completed", 2), tuple("completed", 2));
    }

    @Test
    void restartedItDoesNotRetryTwice() {
        // given
        JobSteps.StagedJob job = retryThatFailedOnceCartesiaRetriedBatchTwo();

        // when
        StepExecution restarted = job.startStep("retry");

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isEqualTo(2);
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::retryCount).containsExactly(1, 1);
        assertThat(job.batches()).extracting(TrackedBatch::retryCount, TrackedBatch::finished, TrackedBatch::redialDueAt)
            .containsExactly(tuple(1, false, null), tuple(1, false, null));
        assertThat(job.results()).extracting(RecipientResult::status, RecipientResult::attempts)
            .containsOnly(tuple("queued", 2));
    }

    @Test
    void restartedAfterCartesiaRetriedABatchItFollowsTheRetryEvenOfANumberNowAtItsContactLimit() {
        // given: meanwhile, other jobs dialed a number of batch 2 three times, the contact limit
        JobSteps.StagedJob job = retryThatFailedOnceCartesiaRetriedBatchTwo();
        for (int batchNo = 1; batchNo <= 3; batchNo++) {
            contacts.record(OTHER_JOB, batchNo, 0, List.of(CsvFiles.usNumber(2)), clock.instant());
        }

        // when
        StepExecution restarted = job.startStep("retry");

        // then: Cartesia redials batch 2 whatever the limit says; its outcomes are awaited there, and
        // none of its recipients waits for a batch of its own, to be dialed a second time in the round
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(job.batches()).extracting(TrackedBatch::finished).containsExactly(false, false);
        assertThat(job.waiting()).isEmpty();
    }

    @Test
    void aRedialCancelledBeforeItWasDialedIsMadeInABatchOfItsRoundWhichIsNotRedialedAgain() {
        // given: a batch retried in the round, dialing one call at a time, then cancelled (a stop)
        // while one redial was queued; every attempt goes unanswered
        List<String> numbers = CsvFiles.usNumbers(2);
        numbers.forEach(number -> plan(number, DIAL_NO_ANSWER, DIAL_NO_ANSWER, DIAL_NO_ANSWER));
        JobSteps.StagedJob job = steps.staged("failing.csv", CsvFiles.numbers(2));
        job.startStep("submit");
        assertThat(job.startStep("await").getExitStatus().getExitCode()).isEqualTo(AwaitCallsTasklet.RETRY.getExitCode());
        job.startStep("retry");
        canceller.cancel(job.batches().get(0));

        // when
        job.runCalls();

        // then: the recipient the retry did not dial got a batch of the round, which was not redialed
        assertThat(job.batches()).extracting(TrackedBatch::recipients, TrackedBatch::redialRound, TrackedBatch::finished)
            .containsExactly(tuple(2, 0, true), tuple(1, 1, true));
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 1, numbers);
        assertThat(job.results()).extracting(RecipientResult::attempts).containsOnly(2);
    }

    /**
     * Two batches of two unanswered recipients, due for their retries at one moment, and a retry step
     * that retried batch 1, then failed once Cartesia had retried batch 2, before bulkcall knew: the
     * answer was lost, then Get Call Batch failed.
     */
    private JobSteps.StagedJob retryThatFailedOnceCartesiaRetriedBatchTwo() {
        CsvFiles.usNumbers(4).forEach(number -> plan(number, DIAL_NO_ANSWER));
        JobSteps.StagedJob job = steps.staged("failing.csv", CsvFiles.numbers(4));
        job.startStep("submit");
        assertThat(job.startStep("await").getExitStatus().getExitCode()).isEqualTo(AwaitCallsTasklet.RETRY.getExitCode());
        sandbox.planFault(SandboxEndpoint.RETRY_BATCH, SandboxFault.LOST_RESPONSE, 1);
        sandbox.planFault(SandboxEndpoint.GET_BATCH, SandboxFault.INTERNAL_ERROR, 2);
        sandbox.planFault(SandboxEndpoint.GET_BATCH, SandboxFault.INTERNAL_ERROR);
        assertThat(job.startStep("retry").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::retryCount).containsExactly(1, 1);
        assertThat(job.batches()).extracting(TrackedBatch::retryCount).containsExactly(1, 0);
        return job;
    }

    private void plan(String number, CallOutcome... outcomes) {
        sandbox.planOutcomes(number, outcomes);
    }

    /** When each number was dialed, every attempt, by the sandbox's record. */
    private Map<String, List<Instant>> dialsByNumber() {
        return sandbox.batches()
            .stream()
            .flatMap(batch -> batch.recipients().stream())
            .collect(Collectors.groupingBy(RecipientSnapshot::toNumber,
                    Collectors.flatMapping(recipient -> recipient.dispatchedAt().stream(), Collectors.toList())))
            .entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().stream().sorted().toList()));
    }
}
