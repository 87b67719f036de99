package io.bulkcall.database;

import java.sql.SQLException;

/**
 * The job database could not be opened: another program holds the H2 file, or it cannot be read.
 * The message names the file and says what to do, in one line; it maps to exit code 2, since
 * nothing was read or dialed and the cause is outside bulkcall.
 */
public class JobDatabaseUnavailableException extends RuntimeException {

    JobDatabaseUnavailableException(H2FileUrl database, SQLException cause) {
        super("cannot open the job database " + database.file() + ": "
                + cause.getMessage().lines().findFirst().orElse("").replaceAll(" \\[\\d+-\\d+]$", "")
                + "; if another program has it open, close that program, or set spring.datasource.url to another file",
                cause);
    }
}
