package io.bulkcall.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.InsideWindows;
import io.bulkcall.testing.SandboxProfile;
import io.bulkcall.time.SimulatedClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code input/sample.csv}, as the build copied it onto the test classpath (the README's
 * first command itself moves the file to {@code input/processed/}), and what the README says of the
 * command's run on it in the {@code sandbox} profile.
 */
final class ReadmeSample {

    /** Where the sandbox's clock may start, a weekend: Friday 20:30 in New York, Saturday 10:30 in Tokyo. */
    static final String FRIDAY_EVENING = "2026-11-28T01:30:00Z";

    /** Saturday 23:00 in New York, Sunday 04:00 in London. */
    static final String SATURDAY_NIGHT = "2026-11-29T04:00:00Z";

    /** Sunday 07:00 in New York, noon in London, 21:00 in Tokyo. */
    static final String SUNDAY_NOON = "2026-11-29T12:00:00Z";

    private static final Path SAMPLE = sample();

    private ReadmeSample() {
    }

    private static Path sample() {
        try {
            return Path.of(ReadmeSample.class.getResource("/sample/sample.csv").toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts the sample in {@code root/input/} as a clone has it: written long ago, so that the run does not
     * wait for it to settle.
     */
    static void dropInto(Path root) {
        try {
            Files.createDirectories(root.resolve("input"));
            Files.copy(SAMPLE, root.resolve("input/sample.csv"), StandardCopyOption.COPY_ATTRIBUTES);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The run from {@code root} that started at {@code start} ended as the README says: exit code 0, the
     * recipients waited for their windows, the job completed with a result for each of the 29 accepted
     * rows and its page, the file moved to {@code input/processed/}, and every call was made inside the
     * window of its recipient's zones (read back from the sandbox's state folder,
     * {@code root/data/sandbox-cartesia}).
     */
    static void assertCalledInsideItsWindows(Path root, String start, int exitCode, String err) {
        assertThat(exitCode).as(err).isZero();
        assertThat(err).contains("wait for", "sample.csv: job 1 completed");
        Path reports = root.resolve("output/1-sample");
        assertThat(CsvFiles.records(reports.resolve("results.csv"))).hasSize(29);
        assertThat(reports.resolve("report.html")).isNotEmptyFile();
        assertThat(root.resolve("input/processed/sample.csv")).exists();
        try (SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults(),
                new SimulatedClock(Instant.parse(start).plus(Duration.ofDays(30))), SandboxProfile.stateFolder(root))) {
            InsideWindows.assertEveryDispatchInsideItsWindow(sandbox, reports);
        }
    }
}
