package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.bulkcall.BulkcallApplication;
import io.bulkcall.cli.BulkcallLauncher;
import io.bulkcall.job.launch.RunningJobs;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.time.JumpingWaiter;
import io.bulkcall.time.SimulatedClock;
import io.bulkcall.time.Waiter;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A working folder for end-to-end tests, laid out as an operator's: {@code input/}, {@code output/},
 * {@code data/} (the H2 job repository) and {@code logs/}, with bulkcall pointed at a sandbox server
 * the test controls. {@link #run} launches bulkcall exactly as {@code main} does, minus
 * {@code System.exit}; each call is a new process as far as Spring is concerned. A
 * {@link ForkedBulkcall} can run in the same folder, on the same job database.
 * <p>
 * On a {@link SimulatedClock} ({@link BulkcallWorkspaces} makes one), bulkcall and the sandbox share
 * it, and every wait of the job moves it ahead instead of sleeping: a job that waits a night for a
 * calling window to open takes no time, and its calls last as long as they do in simulated time. On
 * the system clock (next to a forked process), calling windows are open all day, every day.
 */
public final class Workspace {

    private final Path root;
    private final SimulatedClock clock;
    private final Map<String, String> settings = new LinkedHashMap<>();

    /** The runs' environment variables beside this JVM's: the API key, as an operator gives it. */
    private final Map<String, Object> variables = new LinkedHashMap<>(Map.of("CARTESIA_API_KEY", TestKeys.API_KEY));
    private SandboxServer sandbox;

    /** A workspace against a sandbox on the system clock; windows open all day. */
    Workspace(Path root, SandboxServer sandbox) {
        this(root, sandbox, null);
        with("--bulkcall.poll.interval=50ms", "--bulkcall.calling-window.hours=00:00-24:00",
                "--bulkcall.calling-window.days=MON-SUN");
    }

    /** A workspace against a sandbox on a simulated clock, its input folder made as an install has it. */
    Workspace(Path root, SandboxServer sandbox, SimulatedClock clock) {
        this.root = root;
        this.sandbox = sandbox;
        this.clock = clock;
        try {
            Files.createDirectories(input());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        with("--bulkcall.input-dir=" + input(), "--bulkcall.output-dir=" + root.resolve("output"),
                "--bulkcall.input-quiet-period=0s",
                "--spring.datasource.url=jdbc:h2:file:" + database(),
                "--logging.file.name=" + log(), "--bulkcall.agent-id=agent_sandbox", "--bulkcall.from-number-id=ap_sandbox",
                "--bulkcall.poll.interval=10s", "--bulkcall.redial.delay=10ms",
                "--bulkcall.cartesia.initial-backoff=10ms", "--bulkcall.cartesia.max-backoff=50ms");
        pointAt(sandbox);
    }

    /**
     * Sets an environment variable ({@code CARTESIA_API_KEY}) for every later run, as a process started
     * with it would see it.
     */
    public Workspace withVariable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Adds or replaces settings ({@code --name=value}) for every later run. */
    public Workspace with(String... moreSettings) {
        for (String setting : moreSettings) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        return this;
    }

    /** Replaces the sandbox with one of other settings, on the same clock. */
    public SandboxServer useSandbox(SandboxSettings sandboxSettings) {
        sandbox.close();
        sandbox = (clock == null ? new SandboxServer(sandboxSettings) : new SandboxServer(sandboxSettings, clock)).start();
        pointAt(sandbox);
        return sandbox;
    }

    private void pointAt(SandboxServer server) {
        with("--bulkcall.cartesia.base-url=" + server.baseUrl());
    }

    /**
     * Runs bulkcall with the given command and arguments; a setting among them overrides the
     * workspace's for this run only (Spring would join two values of one name with a comma).
     */
    public int run(String... command) {
        return launch(List.of(), command);
    }

    /**
     * Runs bulkcall as {@link #run} does, asked to stop as soon as it has started, as a Ctrl-C or SIGTERM
     * then asks it: {@link RunningJobs#stopAll()} is what its signal handler calls.
     */
    public int runAskedToStop(String... command) {
        return launch(List.of(context -> context.addApplicationListener(event -> {
            if (event instanceof ApplicationStartedEvent) {
                context.getBean(RunningJobs.class).stopAll();
            }
        })), command);
    }

    private int launch(List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers, String... command) {
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
        List<ApplicationContextInitializer<ConfigurableApplicationContext>> all = new ArrayList<>(initializers);
        Map<String, Object> environment = Map.copyOf(variables);
        all.add(context -> context.getEnvironment().getPropertySources().addAfter(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource("the test's environment variables", environment)));
        if (clock != null) {
            all.add(context -> {
                GenericApplicationContext application = (GenericApplicationContext) context;
                application.registerBean("simulatedClock", SimulatedClock.class, () -> clock,
                        definition -> definition.setPrimary(true));
                application.registerBean("jumpingWaiter", Waiter.class, () -> new JumpingWaiter(clock),
                        definition -> definition.setPrimary(true));
            });
        }
        return BulkcallLauncher.launch(BulkcallApplication.class, all, args.toArray(String[]::new));
    }

    public SandboxServer sandbox() {
        return sandbox;
    }

    /** The clock bulkcall and the sandbox share; {@code null} on the system clock. */
    public SimulatedClock clock() {
        return clock;
    }

    public Path root() {
        return root;
    }

    public Path input() {
        return root.resolve("input");
    }

    /** The H2 job database, as a URL names it: without H2's {@code .mv.db}. */
    public Path database() {
        return root.resolve("data/bulkcall");
    }

    public Path log() {
        return root.resolve("logs/bulkcall.log");
    }

    /** What every run, in this JVM or forked, has logged so far. */
    public String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.ISO_8859_1) : "";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connections to the job database, each opened and closed by its user: as a guest of the process
     * that serves it while one runs, or on its own.
     */
    public DataSource jobDatabase() {
        return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + database() + ";AUTO_SERVER=TRUE", "sa", "");
    }

    /** The status of the last job execution, as the job database holds it; read once no run is left. */
    public String lastJobStatus() {
        try (var connection = jobDatabase().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository in " + root, e);
        }
    }

    /** Writes a file into {@code input/}. */
    public Path drop(String name, String content) {
        try {
            return Files.writeString(input().resolve(name), content, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture from the test classpath into {@code input/}. */
    public Path dropFixture(String resource, String name) {
        return drop(name, text(resource));
    }

    /** Copies a fixture from the test classpath into the workspace's root, for a setting to name. */
    public Path fixtureFile(String resource, String name) {
        try {
            return Files.writeString(root.resolve(name), text(resource), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture from the test classpath, by its absolute resource name ({@code /job/every-reason.csv}). */
    private static String text(String resource) {
        try (var in = Workspace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
