package io.bulkcall.cli;

import java.util.stream.Collectors;

import io.bulkcall.config.InvalidSettingException;
import io.bulkcall.csv.InputFileException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;

/**
 * Turns whatever stopped bulkcall into the one line an operator reads, and its exit code: a bad
 * setting names the property and the rule (exit 2), a bad input file names the file and line
 * (exit 3), anything else gives its message and points at the log (exit 1).
 */
final class StartupFailure {

    private StartupFailure() {
    }

    static String oneLine(Throwable failure) {
        // a setting's value or a file's name may hold a line break or a terminal escape: print none of them
        return describe(failure).replaceAll("[\\x00-\\x1F\\x7F]+", " ");
    }

    private static String describe(Throwable failure) {
        BindValidationException invalid = find(failure, BindValidationException.class);
        if (invalid != null) {
            return "invalid setting " + invalid.getValidationErrors()
                .getAllErrors()
                .stream()
                .map(error -> error instanceof FieldError field
                        ? invalid.getValidationErrors().getName() + "." + dashed(field.getField()) + "="
                                + field.getRejectedValue() + ": " + field.getDefaultMessage()
                        : invalid.getValidationErrors().getName() + ": " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        }
        BindException unbindable = find(failure, BindException.class);
        if (unbindable != null) {
            Throwable cause = unbindable.getCause() == null ? unbindable : deepest(unbindable);
            return "invalid setting " + unbindable.getName() + (unbindable.getProperty() == null ? ""
                    : "=" + unbindable.getProperty().getValue()) + ": " + cause.getMessage();
        }
        InvalidSettingException setting = find(failure, InvalidSettingException.class);
        if (setting != null) {
            return "invalid setting " + setting.getMessage();
        }
        InputFileException input = find(failure, InputFileException.class);
        if (input != null) {
            return input.getMessage();
        }
        Throwable readable = io.bulkcall.job.JobFailures.readableCause(failure);
        String message = readable.getMessage() == null ? readable.getClass().getSimpleName() : readable.getMessage();
        return message.lines().findFirst().orElse(message) + " (details in logs/bulkcall.log)";
    }

    static int exitCode(Throwable failure) {
        if (find(failure, BindException.class) != null || find(failure, InvalidSettingException.class) != null) {
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

    private static Throwable deepest(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return deepest;
    }

    /** Binding reports {@code batch.size} style field paths in camelCase; settings are written kebab-case. */
    private static String dashed(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
