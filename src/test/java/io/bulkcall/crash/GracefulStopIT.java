package io.bulkcall.crash;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CallList;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.Pushgateway;
import io.bulkcall.testing.Pushgateways;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.bulkcall.sandbox.SandboxEndpoint.CREATE_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.RETRY_BATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ctrl-C or SIGTERM during a run stops it at its next checkpoint: the process ends within seconds,
 * its job is STOPPED rather than left STARTED, and the next run restarts it from there without
 * sending anybody twice; during {@code validate}, it ends the validation without a partial report. bulkcall runs as a process of its own, signalled as systemd or a terminal
 * would; the run after it is launched in this JVM on the same folder.
 */
@ExtendWith(BulkcallWorkspaces.class)
@OnSystemClock
class GracefulStopIT {

    private static final CallList INPUT = CallList.of(1_000);
    private static final int ROUNDS = 1;
    /**
     * Each batch dials all of its calls at once: a batch that sends no limit of its own reserves half
     * the organization's, and the sandbox, as Cartesia does, admits two such batches at a time.
     */
    private static final String[] SETTINGS = { "--bulkcall.batch.size=250", "--bulkcall.redial.rounds=" + ROUNDS,
            "--bulkcall.batch.target-concurrency-limit=250" };
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final CallList FIRST_FILE = CallList.of(2_000, 10_000);
    private static final CallList SECOND_FILE = CallList.of(1_000, 20_000);
    private static final String[] TWO_FILES_SETTINGS = { "--bulkcall.batch.size=500",
            "--bulkcall.batch.target-concurrency-limit=500" };

    private Workspace workspace;
    private SandboxServer sandbox;

    /** SIGHUP, a terminal closed under the run, in one phase: the one handler takes every signal alike. */
    static Stream<Arguments> signalMoments() {
        return Stream.of(
                Arguments.of("SIGTERM", Phase.SUBMIT, new Trigger.OnRequest(CREATE_BATCH, 2, null)),
                Arguments.of("SIGTERM", Phase.AWAIT, new Trigger.OnLogLine(Pattern.compile("batches finished"), Duration.ZERO)),
                Arguments.of("SIGHUP", Phase.RETRY, new Trigger.OnRequest(RETRY_BATCH, 2, null)));
    }

    @BeforeEach
    void useSlowerCalls(Workspace workspace) {
        this.workspace = workspace;
        // calls long enough for the run to be seen waiting for them
        sandbox = workspace.useSandbox(BulkcallWorkspaces.SYSTEM_CLOCK_SANDBOX.with(sandbox -> {
            sandbox.ringDuration = Duration.ofMillis(100);
            sandbox.callDuration = Duration.ofSeconds(1);
        }));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("signalMoments")
    void aSignalledRunStopsItsJobWithinSecondsAndTheNextRunCompletesIt(String signal, Phase phase, Trigger moment)
            throws Exception {
        // given
        workspace.drop("numbers.csv", INPUT.content());
        Handle run = new ForkedBulkcall(workspace).with(SETTINGS).start("run");
        signalAt(moment, signal.equals("SIGHUP") ? run::hangUp : run::terminate);

        // when
        int stoppedExit = run.waitFor(GRACE);
        String statusWhenStopped = workspace.lastJobStatus();
        int logBeforeNextRun = workspace.logText().length();
        int nextExit = workspace.with(SETTINGS).run("run");

        // then
        assertThat(stoppedExit).as("exit code of the signalled run").isEqualTo(1);
        assertThat(run.err()).contains("Stopping job 1 at its next checkpoint",
                "numbers.csv: job 1 stopped; resume with: bulkcall restart 1")
            .doesNotContain("Exception");
        assertThat(statusWhenStopped).isEqualTo("STOPPED");
        assertThat(Phase.lastStartedIn(workspace.logText().substring(0, logBeforeNextRun))).isEqualTo(phase);
        assertThat(nextExit).as("exit code of the next run").isZero();
        assertThat(workspace.logText().substring(logBeforeNextRun))
            .contains("Restarting job 1 of numbers.csv from its last checkpoint")
            .doesNotContain("recovering");
        assertThat(workspace.lastJobStatus()).isEqualTo("COMPLETED");
        Path reports = workspace.reports(1, "numbers");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, ROUNDS, INPUT);
        ExactlyOnce.assertEveryRowInExactlyOneReport(reports, INPUT);
        ExactlyOnce.assertEachRetryAppliedOnce(sandbox, reports, sandbox.requests(RETRY_BATCH));
    }

    @Test
    @ExtendWith(Pushgateways.class)
    void aSignalledRunPushesItsStoppedJobAsItEnds(Pushgateway pushgateway) throws Exception {
        // given
        workspace.drop("numbers.csv", INPUT.content());
        Handle run = new ForkedBulkcall(workspace).with(SETTINGS).with(pushgateway.settings("node-a")).start("run");
        terminateAt(new Trigger.OnRequest(CREATE_BATCH, 2, null), run);

        // when
        int stoppedExit = run.waitFor(GRACE);

        // then
        assertThat(stoppedExit).as("exit code of the signalled run").isEqualTo(1);
        assertThat(pushgateway.value("bulkcall_jobs_total", "instance", "node-a", "state", "STOPPED")).hasValue(1.0);
        assertThat(pushgateway.value("bulkcall_rows_total", "outcome", "accepted")).hasValue((double) INPUT.validNumbers().size());
        assertThat(pushgateway.value("bulkcall_last_success_timestamp_seconds")).isEmpty();
    }

    @Test
    void aStopDuringTheFirstFileStartsNoJobForTheNextAndTheNextRunDoesBoth() throws Exception {
        // given: two files, and SIGTERM as the first file's 2nd batch is created
        workspace.drop("a.csv", FIRST_FILE.content());
        workspace.drop("b.csv", SECOND_FILE.content());
        Handle run = new ForkedBulkcall(workspace).with(TWO_FILES_SETTINGS).start("run", "input/a.csv", "input/b.csv");
        terminateAt(new Trigger.OnRequest(CREATE_BATCH, 2, null), run);

        // when
        int stoppedExit = run.waitFor(GRACE);

        // then
        assertThat(stoppedExit).as("exit code of the signalled run").isEqualTo(1);
        assertThat(run.err()).contains("a.csv: job 1 stopped; resume with: bulkcall restart 1",
                "b.csv: not started: bulkcall was asked to stop; the next run takes it");
        assertThat(sandbox.batches()).as("batches created").hasSizeLessThanOrEqualTo(2)
            .allSatisfy(batch -> assertThat(batch.name()).startsWith("bulkcall a #1 "));

        // and when the next run comes
        int nextExit = workspace.with(TWO_FILES_SETTINGS).run("run");

        // then it finishes both, exactly once
        assertThat(nextExit).isZero();
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, FIRST_FILE, SECOND_FILE);
        ExactlyOnce.assertEveryRowInExactlyOneReport(workspace.reports(1, "a"), FIRST_FILE);
        ExactlyOnce.assertEveryRowInExactlyOneReport(workspace.reports(2, "b"), SECOND_FILE);
    }

    @Test
    void aSignalledValidationEndsWithALineForEachFileAndWritesNoRejectedCsv() throws Exception {
        // given: a file that takes seconds to validate, one row in ten rejected, and a second file
        Path big = workspace.input().resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(big)) {
            out.write("to_number,customer_id\n");
            for (int i = 0; i < 500_000; i++) {
                out.write((i % 10 == 9 ? "555-01" : CsvFiles.writtenUsNumber(i)) + ",cust-" + i + "\n");
            }
        }
        workspace.drop("small.csv", INPUT.content());
        Handle validate = new ForkedBulkcall(workspace).start("validate", "input/big.csv", "input/small.csv");
        Path rejected = workspace.root().resolve("output/validate-big");

        // when: SIGTERM once rejected rows are being written
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
            .until(() -> Files.exists(rejected.resolve("rejected.csv.part"))
                    && Files.size(rejected.resolve("rejected.csv.part")) > 0);
        validate.terminate();
        int exit = validate.waitFor(GRACE);

        // then
        assertThat(exit).as("exit code of the signalled validation").isEqualTo(1);
        assertThat(validate.err())
            .containsPattern("big.csv: validation stopped after \\d+ rows, as bulkcall was asked to stop; "
                    + "output/validate-big/rejected.csv not written")
            .contains("small.csv: not validated: bulkcall was asked to stop")
            .doesNotContain("Exception");
        assertThat(rejected).isEmptyDirectory();
        assertThat(workspace.root().resolve("output/validate-small")).doesNotExist();
    }

    /** Sends the run SIGTERM at the moment, as systemd or a terminal would. */
    private void terminateAt(Trigger moment, Handle run) throws Exception {
        signalAt(moment, run::terminate);
    }

    private void signalAt(Trigger moment, Runnable signal) throws Exception {
        CompletableFuture<Void> signalled = new CompletableFuture<>();
        try (Trigger.Armed armed = moment.arm(sandbox, workspace.log(), () -> {
            signal.run();
            signalled.complete(null);
        })) {
            signalled.get(90, TimeUnit.SECONDS);
        }
    }
}
