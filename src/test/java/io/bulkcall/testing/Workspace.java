package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.bulkcall.cli.BulkcallLauncher;
import io.bulkcall.sandbox.SandboxServer;

/**
 * A working folder for end-to-end tests, laid out as an operator's: {@code input/}, {@code output/},
 * {@code data/} (the H2 job repository) and {@code logs/}, with bulkcall pointed at a sandbox server
 * the test controls. {@link #run} launches bulkcall exactly as {@code main} does, minus
 * {@code System.exit}; each call is a new process as far as Spring is concerned.
 */
public final class Workspace {

    private final Path root;
    private final SandboxServer sandbox;
    private final Map<String, String> settings = new LinkedHashMap<>();

    public Workspace(Path root, SandboxServer sandbox) {
        this.root = root;
        this.sandbox = sandbox;
        with("--bulkcall.input-dir=" + input(), "--bulkcall.output-dir=" + root.resolve("output"),
                "--bulkcall.input-quiet-period=0s",
                "--spring.datasource.url=jdbc:h2:file:" + root.resolve("data/bulkcall"),
                "--logging.file.name=" + log(), "--bulkcall.cartesia.base-url=" + sandbox.baseUrl(),
                "--bulkcall.cartesia.api-key=" + TestKeys.API_KEY, "--bulkcall.agent-id=agent_sandbox",
                "--bulkcall.from-number-id=ap_sandbox", "--bulkcall.poll.interval=50ms",
                "--bulkcall.retry.delay=10ms", "--bulkcall.cartesia.initial-backoff=10ms",
                "--bulkcall.cartesia.max-backoff=50ms");
    }

    /** Adds or replaces settings ({@code --name=value}) for every later run. */
    public Workspace with(String... moreSettings) {
        for (String setting : moreSettings) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        return this;
    }

    /**
     * Runs bulkcall with the given command and arguments; a setting among them overrides the
     * workspace's for this run only (Spring would join two values of one name with a comma).
     */
    public int run(String... command) {
        Map<String, String> effective = new LinkedHashMap<>(settings);
        List<String> args = new ArrayList<>();
        for (String arg : command) {
            if (arg.startsWith("--") && arg.contains("=")) {
                effective.put(arg.substring(0, arg.indexOf('=')), arg);
            }
            else {
                args.add(arg);
            }
        }
        args.addAll(effective.values());
        return BulkcallLauncher.launch(args.toArray(String[]::new));
    }

    public SandboxServer sandbox() {
        return sandbox;
    }

    public Path root() {
        return root;
    }

    public Path input() {
        return root.resolve("input");
    }

    public Path log() {
        return root.resolve("logs/bulkcall.log");
    }

    /** Writes a file into {@code input/}. */
    public Path drop(String name, String content) {
        try {
            Files.createDirectories(input());
            return Files.writeString(input().resolve(name), content, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture from the test classpath into {@code input/}. */
    public Path dropFixture(String resource, String name) {
        try (var in = Workspace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return drop(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report folder of a job instance, e.g. {@code output/1-sample}. */
    public Path reports(long jobInstanceId, String stem) {
        return root.resolve("output").resolve(jobInstanceId + "-" + stem);
    }

    /** Every file below the workspace, for looking for secrets. */
    public List<Path> allFiles() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
