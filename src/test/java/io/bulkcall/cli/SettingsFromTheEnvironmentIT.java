package io.bulkcall.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings given as environment variables, as a systemd unit's {@code Environment=} or a crontab line
 * gives them: a bad one is named by its setting and by the variable that set it, which is what the
 * operator has to find and fix. A process of its own, since a test's JVM cannot set its own variables.
 */
class SettingsFromTheEnvironmentIT {

    @TempDir
    Path dir;

    @Test
    void aBadSettingFromAnEnvironmentVariableIsNamedWithTheVariable() {
        Handle run = new ForkedBulkcall(dir, "http://127.0.0.1:9")
            .withEnvironment(Map.of("BULKCALL_BATCH_SIZE", "5000", "BULKCALL_BACH_SIZE", "5"))
            .with("--bulkcall.poll.interval=0s")
            .start("run");

        assertThat(run.waitFor(Duration.ofMinutes(1))).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith("bulkcall:"))).singleElement()
            .asString()
            .contains("bulkcall.batch.size=5000: must be less than or equal to 1000 (environment variable BULKCALL_BATCH_SIZE)",
                    "bulkcall.bach.size: unknown setting; did you mean bulkcall.batch.size? (environment variable BULKCALL_BACH_SIZE)",
                    "bulkcall.poll.interval=0s: must be longer than 0s")
            .doesNotContain("must be longer than 0s (");
    }
}
