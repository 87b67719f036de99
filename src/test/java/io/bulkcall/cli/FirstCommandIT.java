package io.bulkcall.cli;

import java.nio.file.Path;
import java.time.Duration;

import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a process of its own, {@code java -jar target/bulkcall.jar}, on the
 * repository's own {@code input/sample.csv}: the {@code sandbox} profile, no API key, no setting but the
 * sandbox's start (a Friday evening in New York, after its window closed). It finishes within a minute with
 * every accepted row called inside its own window, and the reports written.
 * {@link FirstCommandAtAnyHourTest} runs the same command in the test's JVM, as {@code main} does, at
 * three hours of a weekend.
 */
class FirstCommandIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void theSampleIsCalledInsideItsWindowsWithinAMinute() {
        // given
        ReadmeSample.dropInto(dir);

        // when
        Handle run = ForkedBulkcall.inSandboxProfile(dir)
            .with("--bulkcall.sandbox.start=" + ReadmeSample.FRIDAY_EVENING)
            .start("run");
        int exitCode = run.waitFor(Duration.ofMinutes(1));

        // then
        ReadmeSample.assertCalledInsideItsWindows(dir, ReadmeSample.FRIDAY_EVENING, exitCode, run.err());
    }
}
