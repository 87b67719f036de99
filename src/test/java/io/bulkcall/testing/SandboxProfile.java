package io.bulkcall.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.bulkcall.BulkcallApplication;
import io.bulkcall.cli.BulkcallLauncher;

/**
 * bulkcall in the {@code sandbox} profile, launched in the test's JVM as {@code main} launches it, with
 * the folders the profile keeps below the working folder ({@code input/}, {@code output/}, {@code data/},
 * {@code logs/}) below {@code root} instead: a launch in the test's JVM would otherwise use the
 * repository's own.
 */
public final class SandboxProfile {

    private SandboxProfile() {
    }

    /** Runs the command and its arguments; returns the exit code. */
    public static int launch(Path root, String... command) {
        List<String> settings = List.of("--spring.profiles.active=sandbox",
                "--bulkcall.input-dir=" + root.resolve("input"), "--bulkcall.output-dir=" + root.resolve("output"),
                "--spring.datasource.url=jdbc:h2:file:" + root.resolve("data/sandbox"),
                "--bulkcall.sandbox.state-dir=" + stateFolder(root),
                "--logging.file.name=" + root.resolve("logs/bulkcall.log"));
        return BulkcallLauncher.launch(BulkcallApplication.class,
                Stream.concat(Stream.of(command), settings.stream()).toArray(String[]::new));
    }

    /** Where the sandbox of a launch from {@code root} keeps its batches and calls. */
    public static Path stateFolder(Path root) {
        return root.resolve("data/sandbox-cartesia");
    }
}
