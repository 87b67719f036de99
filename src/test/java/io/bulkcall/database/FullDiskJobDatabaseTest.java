package io.bulkcall.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An H2 file whose disk is full answers as a file another process holds does ({@code Error opening
 * database}, 8000), its lock file not written. Tried on a full disk, {@code bulkcall status} said the
 * file was in use by another program, waited the whole {@code bulkcall.database.open-timeout}, and told
 * the operator to close that program. Here the pool answers as H2 did there.
 */
@ExtendWith(OutputCaptureExtension.class)
class FullDiskJobDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseOnAFullDiskIsRefusedAtOnceInWordsAboutTheDisk(CapturedOutput output) {
        SharedH2FileDatabase databases = new SharedH2FileDatabase(Duration.ofMinutes(1));
        HikariDataSource onAFullDisk = new OnAFullDisk("jdbc:h2:file:" + dir.resolve("bulkcall"));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> databases.postProcessAfterInitialization(onAFullDisk, "dataSource"))
            .isInstanceOf(JobDatabaseUnavailableException.class)
            .hasMessage("cannot open the job database " + dir.resolve("bulkcall.mv.db") + ": Error opening database: "
                    + "\"Could not save properties " + dir.resolve("bulkcall.lock.db") + "\" (No space left on device); "
                    + "free space on its disk, then run bulkcall again"));
        assertThat(output).doesNotContain("in use by another program");
    }

    /** A pool whose every connection fails as H2's did when it could not write its lock file. */
    private final class OnAFullDisk extends HikariDataSource {

        OnAFullDisk(String url) {
            setJdbcUrl(url);
        }

        @Override
        public Connection getConnection() throws SQLException {
            throw DbException.getJdbcSQLException(ErrorCode.ERROR_OPENING_DATABASE_1,
                    new IOException("No space left on device"),
                    "Could not save properties " + dir.resolve("bulkcall.lock.db"));
        }
    }
}
