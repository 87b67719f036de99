package io.bulkcall.job.submit;


import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubmittedRecipientsQueryTest {

    private static final int PAGE = 2;

    private final UnsubmittedRecipientsQuery query = new UnsubmittedRecipientsQuery();

    private JdbcClient jdbc;

    @BeforeEach
    void migratedDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        // job 7: lines 2 and 3 already in a batch, 4 to 8 not; job 8 has its own line 5
        for (long line = 2; line <= 8; line++) {
            jdbc.sql("INSERT INTO bc_recipient (job_instance_id, line, to_number, batch_id) VALUES (7, ?, ?, ?)")
                .params(line, "+1212555010" + line, line <= 3 ? "acb_1" : null)
                .update();
        }
        jdbc.sql("INSERT INTO bc_recipient (job_instance_id, line, to_number) VALUES (8, 5, '+12125550199')").update();
    }

    @Test
    void pagesThroughTheUnsubmittedRecipientsOfOneJobInLineOrder() {
        // when
        List<Long> first = lines(query.generateFirstPageQuery(PAGE), Map.of("jobInstanceId", 7));
        List<Long> second = lines(query.generateRemainingPagesQuery(PAGE), Map.of("jobInstanceId", 7, "_line", 5));
        List<Long> last = lines(query.generateRemainingPagesQuery(PAGE), Map.of("jobInstanceId", 7, "_line", 7));

        // then
        assertThat(first).containsExactly(4L, 5L);
        assertThat(second).containsExactly(6L, 7L);
        assertThat(last).containsExactly(8L);
    }

    @Test
    void readsEachPageFromThePrimaryKeyInOrderRatherThanSortingTheRestOfTheJob() {
        // when
        String plan = jdbc.sql("EXPLAIN " + query.generateRemainingPagesQuery(PAGE))
            .params(Map.of("jobInstanceId", 7, "_line", 5))
            .query(String.class)
            .single();

        // then: a million-row file took seconds a page when H2 sorted instead
        assertThat(plan).contains("PRIMARY_KEY").contains("/* index sorted */");
    }

    private List<Long> lines(String sql, Map<String, ?> parameters) {
        return jdbc.sql(sql).params(parameters).query((rs, row) -> rs.getLong("line")).list();
    }
}
