package io.bulkcall.job.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The submit step's pages of waiting recipients, on a job database migrated as bulkcall migrates it. */
class WaitingRecipientsQueryTest {

    private static final int PAGE = 2;
    private static final String NEW_YORK = "America/New_York";
    private static final String LONDON = "Europe/London";
    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    private NamedParameterJdbcTemplate jdbc;

    @BeforeEach
    void migratedDatabase() {
        jdbc = new NamedParameterJdbcTemplate(new MigratedJobDatabase().dataSource());
        // job 7: lines 2 and 3 already in a batch, 4 to 8 wait, 6 in London, 8 staged with windows off,
        // 9 in New York waits for a redial due an hour after NOW; job 8 has its own line 5
        for (long line = 2; line <= 9; line++) {
            jdbc.getJdbcTemplate().update("""
                    INSERT INTO bc_recipient (row_key, job_instance_id, line, to_number, batch_no, zones, redial_due_at)
                    VALUES (?, 7, ?, ?, ?, ?, ?)""",
                    RecipientKey.of(7, line), line, "+1212555010" + line, line <= 3 ? 1 : null,
                    line == 6 ? LONDON : line == 8 ? null : NEW_YORK, line == 9 ? Timestamp.from(NOW.plusSeconds(3600)) : null);
        }
        jdbc.getJdbcTemplate().update("""
                INSERT INTO bc_recipient (row_key, job_instance_id, line, to_number) VALUES (?, 8, 5, '+12125550199')""",
                RecipientKey.of(8, 5));
    }

    @Test
    void pagesThroughTheWaitingRecipientsOfOneJobInLineOrder() {
        // given
        WaitingRecipientsQuery query = WaitingRecipientsQuery.all();

        // when
        List<Long> first = lines(query.generateFirstPageQuery(PAGE), ofJob7());
        List<Long> second = lines(query.generateRemainingPagesQuery(PAGE), ofJob7("_row_key", RecipientKey.of(7, 5)));
        List<Long> last = lines(query.generateRemainingPagesQuery(PAGE), ofJob7("_row_key", RecipientKey.of(7, 7)));

        // then
        assertThat(first).containsExactly(4L, 5L);
        assertThat(second).containsExactly(6L, 7L);
        assertThat(last).containsExactly(8L, 9L);
    }

    @Test
    void readsOnlyTheGroupsWhoseBatchesAreDueAndOnlyTheirRecipientsDueNow() {
        // when
        List<Long> newYork = lines(WaitingRecipientsQuery.dueInGroups(false).generateFirstPageQuery(10),
                ofJob7("zones", List.of(NEW_YORK), "now", Timestamp.from(NOW)));
        List<Long> newYorkAnHourLater = lines(WaitingRecipientsQuery.dueInGroups(false).generateFirstPageQuery(10),
                ofJob7("zones", List.of(NEW_YORK), "now", Timestamp.from(NOW.plusSeconds(3600))));
        List<Long> londonAndWindowless = lines(WaitingRecipientsQuery.dueInGroups(true).generateFirstPageQuery(10),
                ofJob7("zones", List.of(LONDON), "now", Timestamp.from(NOW)));

        // then
        assertThat(newYork).containsExactly(4L, 5L, 7L);
        assertThat(newYorkAnHourLater).containsExactly(4L, 5L, 7L, 9L);
        assertThat(londonAndWindowless).containsExactly(6L, 8L);
    }

    @Test
    void readsEachPageFromThePrimaryKeyInOrderRatherThanSortingTheRestOfTheJob() {
        // when
        String plan = jdbc.queryForObject("EXPLAIN " + WaitingRecipientsQuery.dueInGroups(false).generateRemainingPagesQuery(PAGE),
                ofJob7("_row_key", RecipientKey.of(7, 5), "zones", List.of(NEW_YORK), "now", Timestamp.from(NOW)), String.class);

        // then: a million-row file took seconds a page when H2 sorted instead
        assertThat(plan).contains("PRIMARY_KEY").contains("/* index sorted */");
    }

    /** The parameters that name job 7, and these more: names and values in turn. */
    private static Map<String, Object> ofJob7(Object... more) {
        Map<String, Object> parameters = new HashMap<>(WaitingRecipientsQuery.ofJob(7));
        for (int i = 0; i < more.length; i += 2) {
            parameters.put((String) more[i], more[i + 1]);
        }
        return parameters;
    }

    private List<Long> lines(String sql, Map<String, ?> parameters) {
        return jdbc.query(sql, parameters, (rs, row) -> rs.getLong("line"));
    }
}
