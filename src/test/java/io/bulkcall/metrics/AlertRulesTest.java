package io.bulkcall.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.testing.Processes;
import io.bulkcall.testing.Pushgateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules of {@code docs/monitoring/} as Prometheus's own {@code promtool} reads them: valid
 * rules, and alerts that fire when they should and only then ({@code src/test/resources/metrics/alerts-test.yml}).
 * Skipped, naming the package, where {@code promtool} is not installed.
 */
class AlertRulesTest {

    private static final Path RULES = Path.of("docs/monitoring/bulkcall-alerts.yml");

    @TempDir
    Path dir;

    @Test
    void theRulesFilePassesPromtoolsCheck() throws Exception {
        Result check = promtool("check", "rules", RULES.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 4 rules found");
    }

    @Test
    void eachAlertFiresWhenItShouldAndOnlyThen() throws Exception {
        Result test = promtool("test", "rules", "src/test/resources/metrics/alerts-test.yml");

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    /** Runs promtool from the project's folder, where the rules' paths start. */
    private Result promtool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Pushgateways.binary("promtool").toString()));
        command.addAll(List.of(arguments));
        Path output = dir.resolve("promtool.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int exitCode = Processes.awaitExit(process, Duration.ofSeconds(60), "promtool", output);
        return new Result(exitCode, Files.readString(output));
    }

    private record Result(int exitCode, String output) {
    }
}
