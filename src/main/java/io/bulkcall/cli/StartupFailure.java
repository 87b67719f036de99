package io.bulkcall.cli;

import io.bulkcall.config.InvalidSettingException;
import io.bulkcall.config.SettingProblems;
import io.bulkcall.csv.InputFileException;
import io.bulkcall.database.JobDatabaseUnavailableException;
import io.bulkcall.job.instance.JobFailures;

import org.springframework.boot.context.properties.bind.BindException;

/**
 * Turns whatever stopped bulkcall into the one line an operator reads, and its exit code: a bad
 * setting names the property and the rule, and a job database that cannot be opened names the file
 * or says what its driver found (exit 2); a bad input file names the file and line (exit 3); anything
 * else gives its message and points at the log (exit 1).
 */
final class StartupFailure {

    private StartupFailure() {
    }

    static String oneLine(Throwable failure) {
        // a setting's value or a file's name may hold a line break or a terminal escape: print none of them
        return describe(failure).replaceAll("[\\x00-\\x1F\\x7F]+", " ");
    }

    private static String describe(Throwable failure) {
        BindException unbindable = find(failure, BindException.class);
        if (unbindable != null) {
            return "invalid setting " + SettingProblems.describe(unbindable);
        }
        InvalidSettingException setting = find(failure, InvalidSettingException.class);
        if (setting != null) {
            return "invalid setting " + setting.getMessage();
        }
        RuntimeException ownLine = find(failure, InputFileException.class);
        if (ownLine == null) {
            ownLine = find(failure, JobDatabaseUnavailableException.class);
        }
        if (ownLine != null) {
            return ownLine.getMessage();
        }
        return JobDatabaseUnavailableException.driverLine(failure).orElseGet(() ->
                JobFailures.firstLine(JobFailures.readableCause(failure)) + " (details in logs/bulkcall.log)");
    }

    static int exitCode(Throwable failure) {
        if (find(failure, BindException.class) != null || find(failure, InvalidSettingException.class) != null
                || find(failure, JobDatabaseUnavailableException.class) != null
                || JobDatabaseUnavailableException.driverLine(failure).isPresent()) {
            return ExitCodes.USAGE;
        }
        return find(failure, InputFileException.class) != null ? ExitCodes.REJECTED : ExitCodes.FAILED;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
