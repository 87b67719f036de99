package io.bulkcall.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.recovery.ResilientFileOutputStream;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Says in one line on the console that logging failed, once per failure, where Spring Boot's listener
 * to Logback's status would print every report Logback makes of it, with its stack trace. A disk that
 * fills up in the night put ten reports of {@code IO failure while writing to file
 * [logs/bulkcall.log]}, four hundred lines of traces, between the job's lines and after its last:
 * {@code logs/bulkcall.log cannot be written: No space left on device; …} instead. Once logging is set
 * up, this listener takes the place of Spring Boot's; what Logback reported while it was being set up
 * was printed by Spring Boot's already.
 *
 * <p>The line goes straight to standard error, as the console's lines do, and not through a logger: a
 * report comes while Logback holds the failing appender's lock and its own listeners' lock, and a
 * logger would take the appenders' locks again from there.
 */
final class LoggingFailureLine
        implements StatusListener, ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** As the console's lines begin (logback-spring.xml). */
    private static final DateTimeFormatter CONSOLE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Set<String> said = ConcurrentHashMap.newKeySet();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            listenTo(logback);
        }
    }

    /** Takes the place of the listeners that print Logback's reports whole on the console. */
    private void listenTo(LoggerContext logback) {
        StatusManager statuses = logback.getStatusManager();
        statuses.getCopyOfStatusListenerList().stream()
            .filter(OnConsoleStatusListener.class::isInstance)
            .forEach(statuses::remove);
        statuses.add(this);
    }

    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() >= Status.WARN && said.add(status.getMessage())) {
            // as the console's pattern does: control characters (a line break in a file name) become spaces
            String line = line(status).replaceAll("[\\x00-\\x1F\\x7F]+", " ");
            PrintStream console = System.err;
            console.printf("%s WARN  %s%n", LocalTime.now().format(CONSOLE_TIME), line);
            console.flush();
        }
    }

    private static String line(Status status) {
        String cause = status.getThrowable() == null ? ""
                : ": " + (status.getThrowable().getMessage() == null ? status.getThrowable().getClass().getSimpleName()
                        : status.getThrowable().getMessage());
        if (status.getOrigin() instanceof ResilientFileOutputStream file) {
            return file.getFile() + " cannot be written" + cause + "; the log misses what happens until it can be "
                    + "written again, the console misses nothing";
        }
        return "Logging failed: " + status.getMessage() + cause;
    }

    /** Once Spring Boot has set up Logback and its own listener. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
