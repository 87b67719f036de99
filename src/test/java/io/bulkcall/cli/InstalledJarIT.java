package io.bulkcall.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.InstalledJar;
import io.bulkcall.testing.Pushgateway;
import io.bulkcall.testing.Pushgateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's install (Running it nightly), by its own commands ({@link InstalledJar}): the jar
 * extracted, and the archive its training run wrote, which the JVM maps instead of loading the classes
 * one by one. Every forked run of the suite but the first command's runs from that install; this test
 * makes sure it is the archive that serves them, which a run does not show on its own: an archive the
 * JVM cannot use is passed over with a warning. The training run is a start of bulkcall like any other,
 * and must not push an empty run to the Pushgateway of a node whose environment turns the push on.
 */
class InstalledJarIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void startsWithItsClassesMappedFromTheArchiveOfItsTrainingRun() throws IOException {
        // given: the JVM told to refuse to start without the archive, and to say where each class came from
        Path classes = dir.resolve("classes.log");
        ForkedBulkcall bulkcall = new ForkedBulkcall(dir, "http://127.0.0.1:9")
            .withJvmOptions("-Xshare:on", "-Xlog:class+load=info:file=" + classes);

        // when
        Handle status = bulkcall.run(Duration.ofMinutes(1), "status");

        // then: bulkcall's own classes, Spring's and H2's came from the archive
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(Files.readString(classes)).contains(
                "io.bulkcall.BulkcallApplication source: shared objects file (top)",
                "org.springframework.context.support.GenericApplicationContext source: shared objects file (top)",
                "org.h2.Driver source: shared objects file (top)");
    }

    @Test
    @ExtendWith(Pushgateways.class)
    void itsTrainingRunPushesNoMetricsWhereTheEnvironmentTurnsThePushOn(Pushgateway pushgateway) {
        // given: the push on in the environment, as /etc/bulkcall/env turns it on for several nodes
        Map<String, String> pushOn = Stream.of(pushgateway.settings("training"))
            .map(setting -> setting.substring("--".length()).split("=", 2))
            .collect(Collectors.toMap(setting -> setting[0].replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT),
                    setting -> setting[1]));

        // when
        InstalledJar.install(dir.resolve("install"), pushOn);

        // then
        assertThat(pushgateway.samples()).noneMatch(sample -> "bulkcall".equals(sample.labels().get("job")));
    }
}
