package io.bulkcall.job.store;

import java.util.List;
import java.util.Map;

import io.bulkcall.validation.AcceptedRecipient;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A recipient's metadata, written ahead by the validate step's checkers in the form the job database
 * stores it, and staged as it was written.
 */
class StagedMetadataTest {

    private final JdbcTemplate jdbc;

    private final RecipientRepository recipients;

    StagedMetadataTest() {
        MigratedJobDatabase database = new MigratedJobDatabase();
        jdbc = database.jdbc();
        recipients = database.recipients();
    }

    @Test
    void stagesTheMetadataAsItWroteItAhead() {
        // given
        Map<String, String> metadata = Map.of("first_name", "Ann", "note", "a \"quoted\" note, with é");
        String written = recipients.metadataColumn(metadata);

        // when
        recipients.stage(7, List.of(new AcceptedRecipient(2, "+12125550143", metadata, written, null),
                new AcceptedRecipient(3, "+12125550144", Map.of(), null, null)));

        // then
        assertThat(recipients.metadata(column(2))).isEqualTo(metadata);
        assertThat(column(3)).isNull();
    }

    @Test
    void refusesARecipientWhoseMetadataWasNotWrittenRatherThanStageItWithout() {
        // given a recipient checked without the database's writer, as the validate command checks rows
        AcceptedRecipient unwritten = new AcceptedRecipient(2, "+12125550143", Map.of("first_name", "Ann"), null, null);

        // then
        assertThatIllegalArgumentException().isThrownBy(() -> recipients.stage(7, List.of(unwritten)))
            .withMessageContaining("line 2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bc_recipient", Long.class)).isZero();
    }

    private String column(long line) {
        return jdbc.queryForObject("SELECT metadata FROM bc_recipient WHERE job_instance_id = 7 AND line = ?",
                String.class, line);
    }
}
