package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bulkcall as an operator runs it, in a separate JVM, in a working folder of its own, with the API
 * key in {@code CARTESIA_API_KEY} (never on the command line). For tests that kill, signal or race
 * real processes; the jar exists from Maven's {@code package} phase on, so these tests run as
 * integration tests ({@code *IT}). The README's first command runs {@code java -jar
 * target/bulkcall.jar} itself; every other run, the same jar installed as the README installs it,
 * its classes mapped from an archive ({@link InstalledJar}), which starts in half the time.
 */
public final class ForkedBulkcall {

    /** C1 only and the serial collector: a short-lived process on 2 cores starts in half the CPU time. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path root;
    private boolean packaged;
    private final List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    /** Numbers the runs of every instance, so that several on one folder never share an output file. */
    private static final AtomicInteger runs = new AtomicInteger();

    private ForkedBulkcall(Path root) {
        if (!Files.isRegularFile(Processes.PACKAGED_JAR)) {
            throw new IllegalStateException(Processes.PACKAGED_JAR + " is missing: run these tests with `./mvnw verify`");
        }
        this.root = root;
    }

    /** bulkcall against a Cartesia at that URL, polling and backing off in milliseconds, windows open all day. */
    public ForkedBulkcall(Path root, String cartesiaBaseUrl) {
        this(root);
        environment.put("CARTESIA_API_KEY", TestKeys.API_KEY);
        with("--bulkcall.input-quiet-period=0s", "--bulkcall.cartesia.base-url=" + cartesiaBaseUrl,
                "--bulkcall.agent-id=agent_sandbox", "--bulkcall.from-number-id=ap_sandbox",
                "--bulkcall.poll.interval=100ms", "--bulkcall.redial.delay=10ms",
                "--bulkcall.cartesia.initial-backoff=10ms", "--bulkcall.cartesia.max-backoff=100ms",
                "--bulkcall.cartesia.response-timeout=2s",
                // on the system clock, a test cannot wait for a window to open
                "--bulkcall.calling-window.hours=00:00-24:00", "--bulkcall.calling-window.days=MON-SUN");
    }

    /**
     * bulkcall in the workspace's folder, against its sandbox, on its job database under the URL the
     * workspace's own runs use: the one an operator writes, without any flag of H2's.
     */
    public ForkedBulkcall(Workspace workspace) {
        this(workspace.root(), workspace.sandbox().baseUrl());
        with("--spring.datasource.url=jdbc:h2:file:" + workspace.database());
    }

    /** bulkcall as the README's first command runs it: the {@code sandbox} profile, no API key, no other setting. */
    public static ForkedBulkcall inSandboxProfile(Path root) {
        ForkedBulkcall bulkcall = new ForkedBulkcall(root).with("--spring.profiles.active=sandbox");
        bulkcall.packaged = true;
        return bulkcall;
    }

    /** Adds or replaces settings ({@code --name=value}) for every later run. */
    public ForkedBulkcall with(String... moreSettings) {
        for (String setting : moreSettings) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        return this;
    }

    /** Adds options of the JVM's own ({@code -X…}) for every later run. */
    public ForkedBulkcall withJvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Adds or replaces environment variables ({@code BULKCALL_DB_URL}, {@code TZ}, ...) for every later run. */
    public ForkedBulkcall withEnvironment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Leaves {@code CARTESIA_API_KEY} out of the environment of every later run. */
    public ForkedBulkcall withoutApiKey() {
        environment.remove("CARTESIA_API_KEY");
        return this;
    }

    /** Starts bulkcall with a command; its output goes to {@code run-N.out} / {@code run-N.err}. */
    public Handle start(String... command) {
        int run = runs.incrementAndGet();
        List<String> line = new ArrayList<>(List.of(Processes.JAVA));
        line.addAll(jvmOptions);
        line.addAll(packaged ? List.of("-jar", Processes.PACKAGED_JAR.toString()) : InstalledJar.launch());
        line.addAll(List.of(command));
        line.addAll(settings.values());
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile())
            .redirectOutput(root.resolve("run-" + run + ".out").toFile())
            .redirectError(root.resolve("run-" + run + ".err").toFile());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(root);
            return new Handle(builder.start(), root.resolve("run-" + run + ".out"), root.resolve("run-" + run + ".err"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs bulkcall to its end; returns the handle, exited. */
    public Handle run(Duration timeout, String... command) {
        Handle handle = start(command);
        handle.waitFor(timeout);
        return handle;
    }

    public Path root() {
        return root;
    }

    /** A started bulkcall process. */
    public record Handle(Process process, Path stdout, Path stderr) {

        public int waitFor(Duration timeout) {
            return Processes.awaitExit(process, timeout, "bulkcall", stderr);
        }

        public int exitCode() {
            return process.exitValue();
        }

        /** SIGKILL: the process gets no chance to clean up. */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** SIGTERM: what systemd or Ctrl-C sends. */
        public void terminate() {
            process.destroy();
        }

        /** SIGHUP: what the process gets when the terminal it was started in closes. */
        public void hangUp() {
            try {
                int exit = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("kill -HUP " + process.pid() + " exited with " + exit);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public String out() {
            return read(stdout);
        }

        public String err() {
            return read(stderr);
        }

        private static String read(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
