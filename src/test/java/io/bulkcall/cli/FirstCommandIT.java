package io.bulkcall.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.InsideWindows;
import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, on the repository's own {@code input/sample.csv} (as the build copied it
 * onto the test classpath: the first command itself moves the file to {@code input/processed/}): the {@code sandbox}
 * profile, no API key, no setting. Whatever the hour it starts at (the sandbox's simulated clock is
 * set to a Friday evening in New York, a Saturday night, a Sunday noon), it finishes within a minute
 * with every accepted row called inside its own window, and the reports written.
 */
class FirstCommandIT {

    /** The repository's input/sample.csv as the build copied it: the demo may have moved the file itself. */
    private static final Path SAMPLE = sample();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private static Path sample() {
        try {
            return Path.of(FirstCommandIT.class.getResource("/sample/sample.csv").toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "starting at {0}")
    @ValueSource(strings = { "2026-11-28T01:30:00Z", "2026-11-29T04:00:00Z", "2026-11-29T12:00:00Z" })
    void theSampleIsCalledInsideItsWindowsWithinAMinuteWhateverTheHour(String start) throws IOException {
        // given
        Files.createDirectories(dir.resolve("input"));
        Files.copy(SAMPLE, dir.resolve("input/sample.csv"));
        Files.setLastModifiedTime(dir.resolve("input/sample.csv"), Files.getLastModifiedTime(SAMPLE));

        // when
        Handle run = ForkedBulkcall.inSandboxProfile(dir).with("--bulkcall.sandbox.start=" + start).start("run");
        int exitCode = run.waitFor(Duration.ofMinutes(1));

        // then
        assertThat(exitCode).as(run.err()).isZero();
        assertThat(run.err()).contains("wait for", "sample.csv: job 1 completed");
        Path reports = dir.resolve("output/1-sample");
        assertThat(CsvFiles.records(reports.resolve("results.csv"))).hasSize(29);
        assertThat(reports.resolve("report.html")).isNotEmptyFile();
        assertThat(dir.resolve("input/processed/sample.csv")).exists();
        try (SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults(),
                new SimulatedClock(Instant.parse(start).plus(Duration.ofDays(30))), dir.resolve("data/sandbox-cartesia"))) {
            InsideWindows.assertEveryDispatchInsideItsWindow(sandbox, reports);
        }
    }
}
