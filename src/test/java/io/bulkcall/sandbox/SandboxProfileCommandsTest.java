package io.bulkcall.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.bulkcall.testing.SandboxProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands of the {@code sandbox} profile that send nothing to Cartesia start no stand-in, so
 * that they run beside a sandbox run, whose stand-in holds the state folder: an operator watches a
 * sandbox run with {@code status} from another terminal.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxProfileCommandsTest {

    @TempDir
    Path root;

    @Test
    void statusRunsBesideTheSandboxOfARunningJob(CapturedOutput output) {
        try (SandboxServer running = sandboxRun()) {
            int exitCode = SandboxProfile.launch(root, "status");

            assertThat(exitCode).isZero();
            assertThat(output.getOut()).contains("JOB    FILE");
            assertThat(output.getAll()).doesNotContain("in use by another sandbox");
        }
    }

    @Test
    void validateRunsBesideTheSandboxOfARunningJob(CapturedOutput output) throws Exception {
        Path file = Files.writeString(root.resolve("numbers.csv"), "to_number\n+12125550143\n");
        try (SandboxServer running = sandboxRun()) {
            int exitCode = SandboxProfile.launch(root, "validate", file.toString());

            assertThat(exitCode).isZero();
            assertThat(output.getErr()).contains("numbers.csv: 1 row, 1 valid, 0 rejected");
            assertThat(output.getAll()).doesNotContain("in use by another sandbox");
        }
    }

    @Test
    void runEndsAtStartWithOneLineAndNothingStagedWhileASandboxRunHoldsTheStateFolder(CapturedOutput output)
            throws Exception {
        Path file = Files.writeString(root.resolve("numbers.csv"), "to_number\n+12125550143\n");
        try (SandboxServer running = sandboxRun()) {
            int exitCode = SandboxProfile.launch(root, "run", file.toString());

            assertThat(exitCode).isEqualTo(1);
            assertThat(output.getErr()).contains("bulkcall: Sandbox state folder " + SandboxProfile.stateFolder(root)
                    + " is in use by another sandbox (is another bulkcall running with the sandbox profile?)");
            assertThat(output.getAll()).doesNotContain("Starting a job", "\tat ");
        }
    }

    /** The stand-in of a sandbox run, holding the state folder as one does while its job runs. */
    private SandboxServer sandboxRun() {
        return new SandboxServer(SandboxSettings.defaults(), Clock.systemUTC(), SandboxProfile.stateFolder(root)).start();
    }
}
