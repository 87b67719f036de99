package io.bulkcall.job.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.bulkcall.cartesia.CallBatchRecipient;
import io.bulkcall.cartesia.RecipientStatus;
import io.bulkcall.validation.AcceptedRecipient;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished batch's outcomes recorded, whether a recipient it holds may have failed, and whether one
 * now waits for a batch again: the await step looks its failed recipients up only in the first case,
 * and the job's waiting recipients only in the second (or when a redial sends one back), so "none" must
 * mean that the look-up finds none.
 */
class RecordedOutcomesTest {

    private static final long JOB = 7;

    private static final TrackedBatch BATCH = new TrackedBatch(JOB, 1, "job-7-batch-1", 2, "cb_1", "completed", 2, 2, 2,
            0, 0, true, Instant.parse("2026-12-07T10:00:00Z"), null, 0, null, null, null, null, false);

    private final JdbcTemplate jdbc;

    private final RecipientRepository recipients;

    RecordedOutcomesTest() {
        MigratedJobDatabase database = new MigratedJobDatabase();
        jdbc = database.jdbc();
        recipients = database.recipients();
        recipients.stage(JOB, List.of(new AcceptedRecipient(2, "+12125550143", Map.of(), null, null),
                new AcceptedRecipient(3, "+12125550144", Map.of(), null, null)));
        jdbc.update("UPDATE bc_recipient SET batch_no = 1, batch_id = 'cb_1', status = 'queued', attempts = 1");
        jdbc.update("INSERT INTO bc_batch_member (job_instance_id, batch_no, line) VALUES (7, 1, 2), (7, 1, 3)");
    }

    @Test
    void aBatchWhoseEveryRecipientCompletedHoldsNoneThatFailed() {
        // when
        RecordedOutcomes recorded = recipients.recordOutcomes(BATCH,
                List.of(outcome("+12125550143", RecipientStatus.COMPLETED), outcome("+12125550144", RecipientStatus.COMPLETED)),
                Map.of(), true);

        // then
        assertThat(recorded.mayHoldFailed()).isFalse();
        assertThat(recipients.failedOf(BATCH)).isEmpty();
    }

    @Test
    void aBatchWithAFailedOutcomeMayHoldFailedRecipients() {
        // when
        RecordedOutcomes recorded = recipients.recordOutcomes(BATCH,
                List.of(outcome("+12125550143", RecipientStatus.COMPLETED), outcome("+12125550144", RecipientStatus.FAILED)),
                Map.of(), true);

        // then
        assertThat(recorded.mayHoldFailed()).isTrue();
        assertThat(recipients.failedOf(BATCH)).extracting(FailedMember::line).containsExactly(3L);
    }

    @Test
    void aRecipientTheBatchGaveNoOutcomeForMayStillHoldAnEarlierFailure() {
        // given: line 3 failed on an earlier record of the batch, and the batch now lists only line 2
        // (twice: a count of outcomes is not a count of recipients)
        jdbc.update("UPDATE bc_recipient SET status = 'failed' WHERE line = 3");

        // when
        RecordedOutcomes recorded = recipients.recordOutcomes(BATCH,
                List.of(outcome("+12125550143", RecipientStatus.COMPLETED), outcome("+12125550143", RecipientStatus.COMPLETED)),
                Map.of(), true);

        // then
        assertThat(recorded.mayHoldFailed()).isTrue();
        assertThat(recipients.failedOf(BATCH)).extracting(FailedMember::line).containsExactly(3L);
    }

    @Test
    void aRecipientCancelledBeforeItsCallWaitsForABatchAgainAndTheRecordSaysSo() {
        // when
        RecordedOutcomes recorded = recipients.recordOutcomes(BATCH,
                List.of(outcome("+12125550143", RecipientStatus.COMPLETED), cancelled("+12125550144")), Map.of(), true);

        // then
        assertThat(recorded.carried()).isTrue();
        assertThat(recipients.waitingGroups(JOB)).extracting(WaitingGroup::recipients).containsExactly(1L);
    }

    @Test
    void outcomesThatSendNoRecipientBackLeaveNoneWaiting() {
        // when
        RecordedOutcomes recorded = recipients.recordOutcomes(BATCH,
                List.of(outcome("+12125550143", RecipientStatus.COMPLETED), outcome("+12125550144", RecipientStatus.FAILED)),
                Map.of(), true);

        // then
        assertThat(recorded.carried()).isFalse();
        assertThat(recipients.waitingGroups(JOB)).isEmpty();
    }

    @Test
    void aCancelledJobsRecipientCancelledBeforeItsCallWaitsNoMore() {
        // when: the job was cancelled, so nothing is carried over
        RecordedOutcomes recorded = recipients.recordOutcomes(BATCH,
                List.of(outcome("+12125550143", RecipientStatus.COMPLETED), cancelled("+12125550144")), Map.of(), false);

        // then
        assertThat(recorded.carried()).isFalse();
        assertThat(recipients.waitingGroups(JOB)).isEmpty();
    }

    private static CallBatchRecipient cancelled(String number) {
        return new CallBatchRecipient("rcp_" + number, number, RecipientStatus.CANCELLED, null, null, null, null);
    }

    private static CallBatchRecipient outcome(String number, RecipientStatus status) {
        return new CallBatchRecipient("rcp_" + number, number, status, null, "call_" + number, "completed", null);
    }
}
