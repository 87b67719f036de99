package io.bulkcall.job.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.bulkcall.validation.AcceptedRecipient;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code bc_recipient} keyed by one number, its job instance's id and its line: each job a range of keys. */
class RecipientKeyTest {

    private static final long LAST_LINE = (1L << 32) - 1;

    @Test
    void aJobDatabaseOfTheVersionBeforeKeepsEveryRecipientWithEachColumnKeyedByItsJobAndLine() {
        // given: two jobs staged, one of them dialed, by the version before the key
        MigratedJobDatabase database = MigratedJobDatabase.upTo("7");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("""
                INSERT INTO bc_recipient (job_instance_id, line, to_number, metadata, batch_no, batch_id, status,
                    attempts, zones, redial_round, started_at, summary)
                VALUES (7, 2, '+12125550101', '{"first_name":"Ann"}', 1, 'cb_1', 'completed', 1, 'America/New_York',
                    0, TIMESTAMP WITH TIME ZONE '2026-11-25 15:02:00+00', 'Booked.'),
                       (7, 3, '+12125550102', NULL, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL),
                       (8, 2, '+12125550101', NULL, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL)""");
        List<Map<String, Object>> before = rows(jdbc);

        // when
        database.migrate();

        // then
        assertThat(rows(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT row_key FROM bc_recipient ORDER BY row_key", Long.class))
            .containsExactly(RecipientKey.of(7, 2), RecipientKey.of(7, 3), RecipientKey.of(8, 2));
        RecipientRepository recipients = database.recipients();
        assertThat(recipients.countStaged(7)).isEqualTo(2);
        assertThat(results(recipients, 7)).containsExactly("2 +12125550101 completed Ann", "3 +12125550102 not_submitted null");
    }

    @Test
    void aJobsRecipientsAreTheRangeOfItsKeysFromItsFirstLineToTheLastAJobCanHold() {
        // given: job 7's first and last possible lines, between job 6's last and job 8's first
        MigratedJobDatabase database = new MigratedJobDatabase();
        RecipientRepository recipients = database.recipients();
        recipients.stage(6, List.of(recipient(LAST_LINE, "+12125550106")));
        recipients.stage(7, List.of(recipient(0, "+12125550170"), recipient(LAST_LINE, "+12125550171")));
        recipients.stage(8, List.of(recipient(0, "+12125550108")));

        // then
        assertThat(recipients.countStaged(7)).isEqualTo(2);
        assertThat(results(recipients, 7)).containsExactly("0 +12125550170 not_submitted null",
                LAST_LINE + " +12125550171 not_submitted null");
        assertThat(recipients.purge(7, Instant.EPOCH)).isEqualTo(2);
        assertThat(recipients.countStaged(6) + recipients.countStaged(8)).isEqualTo(2);
    }

    @Test
    void aLineBeyondTheLastAJobCanHoldHasNoKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> RecipientKey.of(7, LAST_LINE + 1))
            .withMessageContaining("line 4294967296");
    }

    @Test
    void theTableRefusesAKeyThatIsNotItsJobAndLine() {
        // given
        JdbcTemplate jdbc = new MigratedJobDatabase().jdbc();

        // then
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO bc_recipient (row_key, job_instance_id, line, to_number) VALUES (?, 7, 3, '+12125550101')""",
                RecipientKey.of(7, 2))).isInstanceOf(DataIntegrityViolationException.class);
    }

    private static AcceptedRecipient recipient(long line, String number) {
        return new AcceptedRecipient(line, number, Map.of(), null, null);
    }

    private static List<String> results(RecipientRepository recipients, long jobInstanceId) {
        List<String> results = new ArrayList<>();
        recipients.forEachResult(jobInstanceId, result -> results.add(
                result.line() + " " + result.toNumber() + " " + result.status() + " " + result.metadata().get("first_name")));
        return results;
    }

    private static List<Map<String, Object>> rows(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT job_instance_id, line, to_number, metadata, batch_no, batch_id, recipient_id, status,
                    agent_call_id, end_reason, error_message, attempts, zones, redial_round, started_at, ended_at,
                    summary, not_dialed, redial_due_at
                FROM bc_recipient ORDER BY job_instance_id, line""");
    }
}
