package io.bulkcall.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the URL bulkcall opens an H2 file with does: the report reads a million recipients in one
 * query, and must neither hold them all at once nor keep many of the pages it read. Public, as H2
 * calls a method of it from SQL.
 */
public class H2FileUrlTest {

    private static final int ROWS = 10_000;

    private static final AtomicInteger rowsWorkedOut = new AtomicInteger();

    @TempDir
    Path dir;

    /**
     * The query calls it once for each row it works out. Declared deterministic in SQL, as H2 hands over
     * rows as it goes only for a query that writes nothing.
     */
    public static long countedLine(long line) {
        rowsWorkedOut.incrementAndGet();
        return line;
    }

    @Test
    void aQueryHandsOverItsFirstRowBeforeWorkingOutTheRest() throws Exception {
        // given a table of 10,000 rows in a file opened with bulkcall's settings
        String url = H2FileUrl.parse("jdbc:h2:file:" + dir.resolve("bulkcall")).orElseThrow().durableShared();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (job BIGINT, line BIGINT, PRIMARY KEY (job, line)) AS SELECT 1, X "
                    + "FROM SYSTEM_RANGE(1, " + ROWS + ")");
            statement.execute("CREATE ALIAS COUNTED_LINE DETERMINISTIC FOR '" + H2FileUrlTest.class.getName()
                    + ".countedLine'");
            rowsWorkedOut.set(0);

            // when
            String query = "SELECT COUNTED_LINE(line) FROM t WHERE job = 1 ORDER BY job, line";
            try (ResultSet rows = statement.executeQuery(query)) {
                assertThat(rows.next()).isTrue();

                // then
                assertThat(rowsWorkedOut.get()).isLessThan(ROWS / 10);
                long read = 1;
                while (rows.next()) {
                    assertThat(rows.getLong(1)).isEqualTo(++read);
                }
                assertThat(read).isEqualTo(ROWS);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({ "'', 4", ";CACHE_SIZE=65536, 64", ";cache_size=1024, 1" })
    void cachesFourMegabytesOfPagesUnlessTheUrlSaysHowMany(String written, int cacheMegabytes) throws Exception {
        // given
        String url = H2FileUrl.parse("jdbc:h2:file:" + dir.resolve("bulkcall") + written).orElseThrow().durableShared();

        // when
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {

            // then
            assertThat(setting.next()).isTrue();
            assertThat(setting.getInt(1)).isEqualTo(cacheMegabytes);
        }
    }
}
