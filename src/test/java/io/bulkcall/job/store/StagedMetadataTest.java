package io.bulkcall.job.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.bulkcall.database.StreamedQuery;
import io.bulkcall.validation.AcceptedRecipient;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

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
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:staged-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        recipients = new RecipientRepository(JdbcClient.create(dataSource), jdbc, dataSource,
                new StreamedQuery(dataSource, new JdbcTransactionManager(dataSource)), JsonMapper.builder().build());
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
