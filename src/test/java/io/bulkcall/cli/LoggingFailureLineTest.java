package io.bulkcall.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A log file that cannot be written, as on a full disk, is said on the console in one line, never with
 * Logback's reports and their stack traces. The full disk is Linux's {@code /dev/full}, whose every
 * write fails with {@code No space left on device}, written by a plain file appender: a rolling one
 * would roll the device itself over as a file of an earlier day.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class LoggingFailureLineTest {

    private static final Path FULL_DISK = Path.of("/dev/full");

    private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger("io.bulkcall.test.full-disk");

    private FileAppender<ILoggingEvent> fullDisk;

    @BeforeEach
    void afterARunOfBulkcall(Workspace workspace) {
        assumeTrue(Files.isWritable(FULL_DISK), "a /dev/full to write to");
        assertThat(workspace.run("status")).isZero();
        fullDisk = fileAppender(logger.getLoggerContext());
        logger.addAppender(fullDisk);
        logger.setAdditive(false);
    }

    /** Spring Boot would take the failures left in Logback's status for errors of the next run's logging set-up. */
    @AfterEach
    void detach() {
        if (fullDisk != null) {
            logger.detachAppender(fullDisk);
            fullDisk.stop();
            logger.getLoggerContext().getStatusManager().clear();
        }
    }

    @Test
    void aLogFileThatCannotBeWrittenIsNamedInOneLineWithoutATrace(CapturedOutput output) {
        logger.info("a line for the log file");

        assertThat(output.getErr()).containsOnlyOnce(" WARN  /dev/full cannot be written: No space left on device; "
                + "the log misses what happens until it can be written again, the console misses nothing");
        assertThat(output.getErr()).doesNotContain("\tat ", "|-ERROR", "IOException");
    }

    @Test
    void aLogFileThatFailsAgainAndAgainIsNamedOnce(CapturedOutput output) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            logger.info("line {} for the log file", i);
            // the appender tries the file again only after a pause that doubles from 20 ms
            Thread.sleep(25);
        }

        assertThat(output.getErr().lines().filter(line -> line.contains("cannot be written"))).hasSize(1);
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("full disk");
        appender.setFile(FULL_DISK.toString());
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
