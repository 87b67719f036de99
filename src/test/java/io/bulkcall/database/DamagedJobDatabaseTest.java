package io.bulkcall.database;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job database H2 cannot read back, cut short by a disk that filled or a copy that stopped, is refused
 * in words that say to restore it. bulkcall said to close the program that had it open, or to point
 * {@code spring.datasource.url} at another file: a database that knows no job, whose runs would dial
 * again what this one's jobs dialed.
 */
class DamagedJobDatabaseTest {

    @TempDir
    Path dir;

    private final HikariDataSource pool = new HikariDataSource();

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void aDatabaseCutShortIsRefusedWithWordsToRestoreIt() throws Exception {
        // given: a database with a table of rows, cut short
        String url = "jdbc:h2:file:" + dir.resolve("bulkcall");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE bc_example AS SELECT X AS id, REPEAT('x', 100) AS note FROM SYSTEM_RANGE(1, 2000)");
        }
        try (FileChannel file = FileChannel.open(dir.resolve("bulkcall.mv.db"), StandardOpenOption.WRITE)) {
            file.truncate(8_000);
        }
        SharedH2FileDatabase databases = new SharedH2FileDatabase(Duration.ofMinutes(1));
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        databases.postProcessBeforeInitialization(pool, "dataSource");

        // when, then
        assertThatThrownBy(() -> databases.postProcessAfterInitialization(pool, "dataSource"))
            .isInstanceOf(JobDatabaseUnavailableException.class)
            .hasMessage("cannot open the job database " + dir.resolve("bulkcall.mv.db") + ": H2 cannot read it back, as it "
                    + "is cut short or damaged; restore it from its last backup: the next run adopts from Cartesia the "
                    + "call batches the backup does not know");
    }
}
