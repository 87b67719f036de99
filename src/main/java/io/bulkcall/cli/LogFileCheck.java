package io.bulkcall.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.bulkcall.config.InvalidSettingException;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Checks that bulkcall can write its log file ({@code logging.file.name}, {@code logs/bulkcall.log} in
 * the folder it runs in) before Logback opens it: Logback would fail its start on a folder it cannot
 * write with a hundred lines of its own status and stack traces on the console, and bulkcall would
 * point at a log that is not there. Started from a folder it cannot write (a service whose working
 * directory was left at {@code /}), bulkcall ends in one line naming the setting and the folder.
 */
final class LogFileCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        LogFile logFile = LogFile.get(event.getEnvironment());
        if (logFile == null) {
            return;
        }
        String written = logFile.toString();
        problem(Path.of(written).toAbsolutePath().normalize()).ifPresent(problem -> {
            // logging is not started, and would print the failure's trace on the console
            LoggingSystem.get(getClass().getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.OFF);
            throw new InvalidSettingException(LogFile.FILE_NAME_PROPERTY + "=" + written + ":", problem
                    + "; run bulkcall from the folder it works in (its data/, logs/ and output/ are there), "
                    + "or set " + LogFile.FILE_NAME_PROPERTY + " to a file it can write");
        });
    }

    private static Optional<String> problem(Path file) {
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
        }
        catch (AccessDeniedException denied) {
            return Optional.of("cannot create " + denied.getFile() + " (permission denied)");
        }
        catch (FileAlreadyExistsException notAFolder) {
            return Optional.of(notAFolder.getFile() + " is a file, not a folder");
        }
        catch (IOException unusable) {
            return Optional.of("cannot create " + folder + ": " + unusable.getMessage());
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder");
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(folder)) {
            return Optional.of("cannot be written (permission denied in " + folder + ")");
        }
        return Optional.empty();
    }

    /** Before Spring Boot starts Logback on the file. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER - 1;
    }
}
