package io.bulkcall.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.CallList;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.bulkcall.sandbox.SandboxEndpoint.CREATE_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.RETRY_BATCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C or SIGTERM during a run stops it at its next checkpoint: the process ends within seconds,
 * its job is STOPPED rather than left STARTED, and the next run restarts it from there without
 * sending anybody twice. bulkcall runs as a process of its own, signalled as systemd or a terminal
 * would; the run after it is launched in this JVM on the same folder.
 */
class GracefulStopIT {

    private static final CallList INPUT = CallList.of(1_000);
    private static final int ROUNDS = 1;
    private static final String[] SETTINGS = { "--bulkcall.batch.size=250", "--bulkcall.retry.max-attempts=" + ROUNDS };
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final CallList FIRST_FILE = CallList.of(2_000, 10_000);
    private static final CallList SECOND_FILE = CallList.of(1_000, 20_000);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private RunFolder folder;
    private SandboxServer sandbox;

    static Stream<Arguments> signalMoments() {
        return Stream.of(
                Arguments.of(Phase.SUBMIT, new Trigger.OnRequest(CREATE_BATCH, 2, null)),
                Arguments.of(Phase.AWAIT, new Trigger.OnLogLine(Pattern.compile("batches finished"), Duration.ZERO)),
                Arguments.of(Phase.RETRY, new Trigger.OnRequest(RETRY_BATCH, 2, null)));
    }

    @BeforeEach
    void startSandbox() {
        folder = new RunFolder(dir);
        // calls long enough for the run to be seen waiting for them
        sandbox = new SandboxServer(SandboxSettings.defaults()
            .withOrgConcurrencyLimit(10_000)
            .withDurations(Duration.ofMillis(100), Duration.ofSeconds(1))
            .withFailureRate(0.2)).start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest(name = "SIGTERM in {0}")
    @MethodSource("signalMoments")
    void aSignalledRunStopsItsJobWithinSecondsAndTheNextRunCompletesIt(Phase phase, Trigger moment) throws Exception {
        // given
        folder.drop(INPUT);
        Handle run = new ForkedBulkcall(dir, sandbox.baseUrl()).with(SETTINGS).with(plainUrl()).start("run");
        CompletableFuture<Void> signalled = new CompletableFuture<>();
        try (Trigger.Armed armed = moment.arm(sandbox, folder.log(), () -> {
            run.terminate();
            signalled.complete(null);
        })) {
            signalled.get(90, TimeUnit.SECONDS);
        }

        // when
        int stoppedExit = run.waitFor(GRACE);
        String statusWhenStopped = folder.lastJobStatus();
        int logBeforeNextRun = folder.logText().length();
        int nextExit = new Workspace(dir, sandbox).with(SETTINGS).run("run");

        // then
        assertThat(stoppedExit).as("exit code of the signalled run").isEqualTo(1);
        assertThat(run.err()).contains("Stopping job 1 at its next checkpoint",
                "numbers.csv: job 1 stopped; resume with: bulkcall restart 1")
            .doesNotContain("Exception");
        assertThat(statusWhenStopped).isEqualTo("STOPPED");
        assertThat(Phase.lastStartedIn(folder.logText().substring(0, logBeforeNextRun))).isEqualTo(phase);
        assertThat(nextExit).as("exit code of the next run").isZero();
        assertThat(folder.logText().substring(logBeforeNextRun))
            .contains("Restarting job 1 of numbers.csv from its last checkpoint")
            .doesNotContain("recovering");
        assertThat(folder.lastJobStatus()).isEqualTo("COMPLETED");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, ROUNDS, INPUT);
        ExactlyOnce.assertEveryRowInExactlyOneReport(folder.reports(), INPUT);
        ExactlyOnce.assertEachRetryAppliedOnce(sandbox, folder.reports(), sandbox.requests(RETRY_BATCH));
    }

    @Test
    void aStopDuringTheFirstFileStartsNoJobForTheNextAndTheNextRunDoesBoth() throws Exception {
        // given: two files, and SIGTERM as the first file's 2nd batch is created
        folder.drop("a.csv", FIRST_FILE);
        folder.drop("b.csv", SECOND_FILE);
        Handle run = new ForkedBulkcall(dir, sandbox.baseUrl()).with("--bulkcall.batch.size=500", plainUrl())
            .start("run", "input/a.csv", "input/b.csv");
        CompletableFuture<Void> signalled = new CompletableFuture<>();
        try (Trigger.Armed armed = new Trigger.OnRequest(CREATE_BATCH, 2, null).arm(sandbox, folder.log(), () -> {
            run.terminate();
            signalled.complete(null);
        })) {
            signalled.get(90, TimeUnit.SECONDS);
        }

        // when
        int stoppedExit = run.waitFor(GRACE);

        // then
        assertThat(stoppedExit).as("exit code of the signalled run").isEqualTo(1);
        assertThat(run.err()).contains("a.csv: job 1 stopped; resume with: bulkcall restart 1",
                "b.csv: not started: bulkcall was asked to stop; the next run takes it");
        assertThat(sandbox.batches()).as("batches created").hasSizeLessThanOrEqualTo(2)
            .allSatisfy(batch -> assertThat(batch.name()).startsWith("bulkcall a #1 "));

        // and when the next run comes
        int nextExit = new Workspace(dir, sandbox).with("--bulkcall.batch.size=500").run("run");

        // then it finishes both, exactly once
        assertThat(nextExit).isZero();
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, FIRST_FILE, SECOND_FILE);
        ExactlyOnce.assertEveryRowInExactlyOneReport(folder.reports(1, "a"), FIRST_FILE);
        ExactlyOnce.assertEveryRowInExactlyOneReport(folder.reports(2, "b"), SECOND_FILE);
    }

    /** The URL an operator writes: no flag of H2's. */
    private String plainUrl() {
        return "--spring.datasource.url=jdbc:h2:file:" + folder.database();
    }
}
