package io.bulkcall.metrics;

import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bulkcall.metrics.*} is checked at start-up like every other setting of bulkcall. */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class MetricsSettingsTest {

    @Test
    void aNodeNameWithASpaceStopsTheRunNamingTheSetting(Workspace workspace, CapturedOutput output) {
        // when
        int exitCode = workspace.run("run", "--bulkcall.metrics.instance=node a",
                "--management.prometheus.metrics.export.pushgateway.enabled=true");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains(
                "bulkcall: invalid setting bulkcall.metrics.instance=node a: must be a name without spaces, such as node-a");
    }
}
