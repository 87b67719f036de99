package io.bulkcall.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Asks for an H2 job database to be compacted when it is next closed: H2 keeps deleted values in the
 * file until its pages are rewritten, and purged personal data must be gone from the file, not only
 * from the tables. The request is a file beside the database, so that whichever bulkcall process
 * closes the database last (the one that serves it to the others) compacts it; see
 * {@link SharedH2FileDatabase}. PostgreSQL reclaims deleted rows itself; there it does nothing.
 */
public final class Compaction {

    private Compaction() {
    }

    /** @return the database file that will be compacted, or empty when it is not an H2 file */
    public static Optional<Path> request(DataSource dataSource) {
        Optional<H2FileUrl> database = dataSource instanceof HikariDataSource pool ? H2FileUrl.parse(pool.getJdbcUrl())
                : Optional.empty();
        database.ifPresent(h2 -> {
            try {
                Files.createDirectories(h2.compactionRequest().getParent());
                Files.writeString(h2.compactionRequest(), "requested by bulkcall purge\n");
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot ask for " + h2.file() + " to be compacted: " + e.getMessage(), e);
            }
        });
        return database.map(H2FileUrl::file);
    }
}
