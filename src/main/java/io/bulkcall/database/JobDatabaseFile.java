package io.bulkcall.database;

import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The file of an H2 job database, for a line that tells an operator which job database a command
 * read: its URL is not for the console, as it may hold a password.
 */
public final class JobDatabaseFile {

    private final DataSource dataSource;

    JobDatabaseFile(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job database's {@code .mv.db} file; empty where the job database is no H2 file (PostgreSQL). */
    public Optional<Path> path() {
        return SharedH2FileDatabase.h2File(dataSource).map(H2FileUrl::file);
    }
}
