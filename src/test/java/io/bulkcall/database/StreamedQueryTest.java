package io.bulkcall.database;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.bulkcall.testing.PostgresDatabase;
import io.bulkcall.testing.PostgresDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A streamed query on a real PostgreSQL server, whose driver reads a whole result before its first
 * row unless told otherwise: the refill of a restarted job's numbers and the report read a million
 * recipients this way. (On H2, the file URL's setting does it: {@code H2FileUrlTest}.)
 */
@ExtendWith(PostgresDatabases.class)
class StreamedQueryTest {

    private static final int ROWS = 100_000;

    private DataSource dataSource;

    private JdbcTransactionManager transactionManager;

    private JdbcClient elsewhere;

    @BeforeEach
    void connect(PostgresDatabase postgres) {
        dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.url(), postgres.username(),
                postgres.password());
        transactionManager = new JdbcTransactionManager(dataSource);
        elsewhere = postgres.jdbc();
    }

    @Test
    void handsOverRowsBeforePostgresqlWorksOutTheRest() {
        // given: a query whose row 50,000 divides by zero
        String query = "SELECT 1 / (n - 50000) FROM generate_series(1, " + ROWS + ") n";
        long[] read = new long[1];

        // when: run with no transaction of the caller's
        assertThatExceptionOfType(DataAccessException.class)
            .isThrownBy(() -> new StreamedQuery(dataSource, transactionManager).query(query, rs -> {
                read[0]++;
            }))
            .withMessageContaining("division by zero");

        // then: the rows before the page of the failing one were handed over; all at once, none would have been
        assertThat(read[0]).isEqualTo(50_000 - StreamedQuery.FETCH_SIZE);
    }

    @Test
    void readsWithinTheCallersTransactionWhatItWroteThere() {
        // given
        elsewhere.sql("CREATE TABLE t (n BIGINT)").update();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<Long> read = new ArrayList<>();

        // when: the caller writes, then streams, in one transaction it has not committed yet
        transaction.executeWithoutResult(status -> {
            JdbcClient.create(dataSource).sql("INSERT INTO t VALUES (1), (2)").update();
            new StreamedQuery(dataSource, transactionManager).query("SELECT n FROM t ORDER BY n", rs -> {
                read.add(rs.getLong(1));
            });
        });

        // then
        assertThat(read).containsExactly(1L, 2L);
    }
}
