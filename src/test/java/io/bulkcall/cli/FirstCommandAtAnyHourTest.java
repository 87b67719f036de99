package io.bulkcall.cli;

import java.nio.file.Path;

import io.bulkcall.testing.SandboxProfile;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The README's first command, launched in this JVM as {@code main} launches it, on the repository's own
 * {@code input/sample.csv}: the {@code sandbox} profile, no API key, its folders below the test's (where the
 * command, run from the repository, uses {@code input/}, {@code output/}, {@code data/} and {@code logs/}).
 * Whatever the hour it starts at (the sandbox's simulated clock set to a Friday evening in New York, a
 * Saturday night, a Sunday noon), every accepted row is called inside its own window and the reports are
 * written. {@link FirstCommandIT} runs the command as a process from the packaged jar.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstCommandAtAnyHourTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "starting at {0}")
    @ValueSource(strings = { ReadmeSample.FRIDAY_EVENING, ReadmeSample.SATURDAY_NIGHT, ReadmeSample.SUNDAY_NOON })
    void theSampleIsCalledInsideItsWindowsWhateverTheHour(String start, CapturedOutput output) {
        // given
        ReadmeSample.dropInto(dir);

        // when
        int exitCode = SandboxProfile.launch(dir, "run", "--bulkcall.sandbox.start=" + start);

        // then
        ReadmeSample.assertCalledInsideItsWindows(dir, start, exitCode, output.getErr());
    }
}
