package io.bulkcall.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The job database could not be opened: another program holds the H2 file, it cannot be written or
 * read back, or its disk has no room for it. The message names the file and says what to do, in one line; it maps to
 * exit code 2, since nothing was read or dialed and the cause is outside bulkcall.
 */
public class JobDatabaseUnavailableException extends RuntimeException {

    private JobDatabaseUnavailableException(H2FileUrl database, String problem, Exception cause) {
        super("cannot open the job database " + database.file() + ": " + problem, cause);
    }

    /** H2 still refuses the file at the end of the wait, or refuses it for a reason of its own. */
    static JobDatabaseUnavailableException refused(H2FileUrl database, SQLException cause) {
        return new JobDatabaseUnavailableException(database, firstLine(cause) + "; if another program has it open, "
                + "close that program, or set spring.datasource.url to another file", cause);
    }

    /** A disk, or a quota, with no room for the database's files. */
    static JobDatabaseUnavailableException onAFullDisk(H2FileUrl database, SQLException cause, IOException full) {
        return new JobDatabaseUnavailableException(database, firstLine(cause) + " (" + full.getMessage()
                + "); free space on its disk, then run bulkcall again", cause);
    }

    /**
     * A file H2 cannot read back: cut short or damaged. Another file would be a job database that knows
     * no job, whose runs would dial again what this one's jobs dialed; a backup knows them up to the
     * night it was taken, and Cartesia the rest.
     */
    static JobDatabaseUnavailableException damaged(H2FileUrl database, SQLException cause) {
        return new JobDatabaseUnavailableException(database, "H2 cannot read it back, as it is cut short or damaged; "
                + "restore it from its last backup: the next run adopts from Cartesia the call batches the backup "
                + "does not know", cause);
    }

    /**
     * A file of the database this process may not write (another user's): the database, or the lock
     * beside it.
     */
    static JobDatabaseUnavailableException notWritable(H2FileUrl database, Path notWritable, Exception cause) {
        return new JobDatabaseUnavailableException(database, notWritable + " cannot be written (permission denied); "
                + "run bulkcall as the user that owns it, or set spring.datasource.url to a file this user can write",
                cause);
    }

    /** H2's first line, without its error code and version ({@code [8000-240]}). */
    private static String firstLine(SQLException failure) {
        return failure.getMessage().lines().findFirst().orElse("").replaceAll(" \\[\\d+-\\d+]$", "");
    }

    /**
     * What a start that failed on the job database's driver (a server not there, a role refused, a
     * file damaged) says in one line: the driver's own words, which name the server and what to check;
     * the causes under them say only "Connection refused". Where the driver failed on its file (a full
     * disk), its words say only that the database has been closed: the file system's, under them, follow.
     * Empty when no driver failed.
     */
    public static Optional<String> driverLine(Throwable failure) {
        return Causes.find(failure, SQLException.class, database -> database.getMessage() != null).map(database -> {
            // H2 ends the first line of a statement's failure with "; SQL statement:", the statement below
            String line = "cannot open the job database (spring.datasource.url): "
                    + database.getMessage().lines().findFirst().orElse("").replaceAll("; SQL statement:$", "");
            return fileProblem(database).map(problem -> line + " (" + problem + ")").orElse(line);
        });
    }

    /** What the file system said to the driver, if it said anything: the deepest cause, on a file. */
    private static Optional<String> fileProblem(SQLException failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        String from = deepest.getClass().getPackageName();
        boolean onAFile = deepest instanceof IOException && !from.startsWith("java.net") && !from.startsWith("javax.net");
        return onAFile ? Optional.ofNullable(deepest.getMessage()) : Optional.empty();
    }
}
