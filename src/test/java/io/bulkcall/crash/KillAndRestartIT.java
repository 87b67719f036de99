package io.bulkcall.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.bulkcall.sandbox.SandboxEndpoint.CREATE_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.GET_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.LIST_BATCHES;
import static io.bulkcall.sandbox.SandboxEndpoint.RETRY_BATCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once under SIGKILL. bulkcall runs as a process of its own on a file of 2,000 valid numbers
 * (five batches of 400) and a few bad rows, with calls that fail one time in five and one retry
 * round; it is killed at one point of its run, then run again, as cron would, until a run completes.
 * Whatever the point, Cartesia (the sandbox) then holds every valid number in exactly one created
 * batch, each report row is there exactly once, and no batch was retried twice.
 * <p>
 * The kill points land in every step. Most are taken when the sandbox applies the k-th request to an
 * endpoint: before its answer is written (Cartesia acted, bulkcall cannot know), or a few
 * milliseconds after (while bulkcall records the answer). The others are taken a fixed time after a
 * step starts, as the log file shows. Each test checks that its kill landed in the step it names.
 */
class KillAndRestartIT {

    private static final CallList INPUT = CallList.of(2_000);
    private static final int BATCHES = 5;
    private static final int MAX_RUNS_AFTER_KILL = 3;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private SandboxServer sandbox;
    private ForkedBulkcall bulkcall;

    static Stream<KillPoint> killPoints() {
        return Stream.of(
                KillPoint.beforeAnswer(Phase.AWAIT, GET_BATCH, 1),
                KillPoint.afterLine(Phase.REPORT, "reports in", 0, false));
    }

    static Stream<KillPoint> killPointsAll() {
        return Stream.of(
                KillPoint.intoStep(Phase.VALIDATE, 0),
                KillPoint.intoStep(Phase.VALIDATE, 150),
                KillPoint.intoStep(Phase.VALIDATE, 400),
                KillPoint.intoStep(Phase.SUBMIT, 0),
                KillPoint.beforeAnswer(Phase.SUBMIT, CREATE_BATCH, 1),
                KillPoint.afterAnswer(Phase.SUBMIT, CREATE_BATCH, 2, 0),
                KillPoint.beforeAnswer(Phase.SUBMIT, CREATE_BATCH, 3),
                KillPoint.afterAnswer(Phase.SUBMIT, CREATE_BATCH, 4, 3),
                KillPoint.beforeAnswer(Phase.SUBMIT, CREATE_BATCH, BATCHES),
                KillPoint.beforeAnswer(Phase.AWAIT, LIST_BATCHES, 1),
                KillPoint.afterAnswer(Phase.AWAIT, LIST_BATCHES, 2, 0),
                KillPoint.beforeAnswer(Phase.AWAIT, GET_BATCH, 1),
                KillPoint.afterAnswer(Phase.AWAIT, GET_BATCH, 4, 2),
                KillPoint.intoStep(Phase.RETRY, 0),
                KillPoint.beforeAnswer(Phase.RETRY, RETRY_BATCH, 1),
                KillPoint.afterAnswer(Phase.RETRY, RETRY_BATCH, 2, 0),
                KillPoint.afterAnswer(Phase.RETRY, RETRY_BATCH, 3, 2),
                KillPoint.beforeAnswer(Phase.RETRY, RETRY_BATCH, BATCHES),
                KillPoint.intoStep(Phase.REPORT, 0),
                KillPoint.intoStep(Phase.REPORT, 40),
                KillPoint.afterLine(Phase.REPORT, "reports in", 0, false));
    }

    @BeforeEach
    void startSandbox() {
        sandbox = new SandboxServer(SandboxSettings.defaults()
            .withOrgConcurrencyLimit(10_000)
            .withDurations(Duration.ofMillis(50), Duration.ofMillis(150))
            .withFailureRate(0.2)).start();
        bulkcall = new ForkedBulkcall(dir, sandbox.baseUrl()).with("--bulkcall.batch.size=400",
                "--bulkcall.retry.max-attempts=1");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest(name = "killed in {0}")
    @MethodSource("killPoints")
    void aRunKilledAnywhereIsCompletedByTheNextRunsWithEveryRecipientCalledOnce(KillPoint point) throws Exception {
        // given
        drop(INPUT);

        // when
        Phase killedIn = killFirstRunAt(point);
        List<Handle> laterRuns = runUntilCompleted();

        // then
        assertThat(killedIn).as("the step the kill landed in").isEqualTo(point.phase());
        assertThat(laterRuns.get(laterRuns.size() - 1).exitCode()).as("exit code of the last run").isZero();
        if (point.jobLeftRunning()) {
            assertThat(laterRuns.get(0).err()).contains("was left running by a process that is gone; recovering it",
                    "Restarting job 1 of numbers.csv from its last checkpoint");
        }
        assertThat(lastJobStatus()).isEqualTo("COMPLETED");
        Path reports = dir.resolve("output/1-numbers");
        ExactlyOnce.assertEveryValidNumberInExactlyOneCreatedBatch(sandbox, INPUT);
        ExactlyOnce.assertEveryRowInExactlyOneReport(reports, INPUT);
        ExactlyOnce.assertEachRetryAppliedOnce(sandbox, reports, sandbox.requests(RETRY_BATCH));
    }

    /** Starts a run, kills it at the point, and returns the step it was in when it died. */
    private Phase killFirstRunAt(KillPoint point) throws InterruptedException, ExecutionException {
        Path log = dir.resolve("logs/bulkcall.log");
        CompletableFuture<Phase> killedIn = new CompletableFuture<>();
        AtomicBoolean fired = new AtomicBoolean();
        Handle run = bulkcall.start("run");
        try (KillTrigger.Armed armed = point.trigger().arm(sandbox, log, () -> {
            if (fired.compareAndSet(false, true)) {
                run.kill();
                killedIn.complete(Phase.lastStartedIn(read(log)));
            }
        })) {
            run.process().onExit().get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // the kill is done by the time the process is gone, but may still be reading the log
            return killedIn.get(5, TimeUnit.SECONDS);
        }
        catch (TimeoutException notKilled) {
            run.kill();
            throw new AssertionError("the run was not killed at " + point + "; it ended by itself, exit code "
                    + run.exitCode() + "; stderr:\n" + run.err(), notKilled);
        }
    }

    private List<Handle> runUntilCompleted() {
        List<Handle> runs = new ArrayList<>();
        do {
            Handle run = bulkcall.run(RUN_TIMEOUT, "run");
            runs.add(run);
        }
        while (runs.get(runs.size() - 1).exitCode() != 0 && runs.size() < MAX_RUNS_AFTER_KILL);
        return runs;
    }

    private void drop(CallList input) throws IOException {
        Path file = dir.resolve("input/numbers.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, input.content(), StandardCharsets.UTF_8);
    }

    /** The status of the job's last execution, as the job repository holds it. */
    private String lastJobStatus() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("data/bulkcall") + ";AUTO_SERVER=TRUE";
        try (var connection = DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
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
