package io.bulkcall.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CallList;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.bulkcall.sandbox.SandboxEndpoint.CREATE_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.RETRY_BATCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once under SIGKILL, on the H2 URL an operator writes ({@code jdbc:h2:file:PATH}, no flag of
 * H2's: durability is bulkcall's own doing). bulkcall runs as a process of its own ({@code java -jar}) on a file of
 * 2,000 valid numbers (five batches of 400) and three bad rows, with calls that fail one time in
 * five and one retry round; it is killed at one point of its run, then run again on the same folder,
 * as cron would, until a run completes. Whatever the point, Cartesia (the sandbox) then holds every
 * valid number in exactly one created batch, each data row is in exactly one report, no batch was
 * retried twice, and the job is COMPLETED; the next run found the job left running by a process
 * that is gone (its lease not renewed) and recovered it, and the job's id went one up at each run
 * (H2 once skipped 32 ids after a kill).
 * <p>
 * A real kill is kept where only a real kill proves it: that commits made before it (H2's, with no
 * {@code WRITE_DELAY} in the URL) survive it, that a dead process's lease is taken over, and that
 * the restart finds what the killed process left half done, in each step: mid-validate; a create
 * applied at Cartesia before its answer, and another a few milliseconds after (while bulkcall
 * records it); in the middle of a poll that records many finished batches, once two of them are
 * recorded; a retry applied before its answer; the report being written. The kill points are taken
 * when the sandbox applies the k-th request to an endpoint, or when a line shows up in the
 * process's log (a fixed time after a step started, or once a poll recorded two batches). Each test
 * checks that its kill landed in the step it names.
 * <p>
 * The other points where this test used to kill are failures planned in one process and restarts in
 * the same context, as Spring Batch's restart samples do:
 * <ul>
 * <li>validate as it starts and 200 ms in: {@code job/staging/ValidateStepTest} (the sixth chunk
 * refused by the job database, the restart reads on from the last chunk committed; a step that failed
 * in its first chunk has committed nothing to read on from);</li>
 * <li>submit's first List Call Batches before its answer:
 * {@code SubmitStepTest.aRunThatFailedOnItsFirstLookAtCartesiaCreatedNothing…};</li>
 * <li>the first and the last Create Call Batch before their answer:
 * {@code SubmitStepTest.aBatchWhoseCreateWasInDoubtIsAdoptedByName…} (an answer lost, the look-up
 * failed), and {@code crash/UnreliableCartesiaTest} (three answers in ten lost, over a whole run);</li>
 * <li>the second Create Call Batch just after its answer:
 * {@code SubmitStepTest.aBatchCreatedWhoseIdWasNeverCommittedIsAdoptedByTheRestart…};</li>
 * <li>await's List Call Batches, before and after its answer:
 * {@code job/calls/AwaitStepTest.aPollThatFailedIsMadeAgainByTheRestart…};</li>
 * <li>await's Get Call Batch of a finished batch, before and after its answer, and its List Calls
 * after the answer: {@code job/calls/BatchByBatchRecordingTest} (failing on {@code GET_BATCH}, and on
 * {@code LIST_CALLS});</li>
 * <li>retry as it starts, and Retry Call Batch after its answer or the last one before it:
 * {@code job/calls/RedialRoundStepTest.restartedItDoesNotRetryTwice} (a retry applied, its answer
 * lost, the look-up failed) and {@code …restartedAfterCartesiaRetriedABatch…};</li>
 * <li>the report as it starts: the report point kept here, 20 ms in; once the job completed, before
 * its file was moved: {@code job/BulkCallJobTest.theSameContentDroppedTwiceIsNotDialedTwice}.</li>
 * </ul>
 * Endpoint errors at any moment of a whole run, restarted until it completes:
 * {@code crash/UnreliableCartesiaTest}.
 * <p>
 * The runs after the kill are launched in this JVM, as {@code main} launches bulkcall, on the same
 * folder and job database: the same code as a new process, without paying for another JVM start.
 */
@ExtendWith(BulkcallWorkspaces.class)
@OnSystemClock
class KillAndRestartIT {

    private static final CallList INPUT = CallList.of(2_000);
    private static final int BATCHES = 5;
    private static final int ROUNDS = 1;
    private static final String[] SETTINGS = { "--bulkcall.batch.size=400", "--bulkcall.redial.rounds=" + ROUNDS };
    private static final int MAX_RUNS_AFTER_KILL = 3;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    private Workspace workspace;
    private SandboxServer sandbox;

    static Stream<KillPoint> killPoints() {
        return Stream.of(
                KillPoint.intoStep(Phase.VALIDATE, 80),
                KillPoint.beforeAnswer(Phase.SUBMIT, CREATE_BATCH, 3),
                KillPoint.afterAnswer(Phase.SUBMIT, CREATE_BATCH, 4, 3),
                KillPoint.afterBatchesRecorded(2),
                KillPoint.beforeAnswer(Phase.RETRY, RETRY_BATCH, 1),
                KillPoint.intoStep(Phase.REPORT, 20));
    }

    @BeforeEach
    void useWorkspace(Workspace workspace) {
        this.workspace = workspace.with(SETTINGS);
        sandbox = workspace.sandbox();
    }

    @ParameterizedTest(name = "killed in {0}")
    @MethodSource("killPoints")
    void aRunKilledAnywhereIsCompletedByTheNextRunsWithEveryRecipientCalledOnce(KillPoint point) throws Exception {
        // given
        workspace.drop("numbers.csv", INPUT.content());

        // when
        Phase killedIn = killFirstRunAt(point);
        int logBeforeRestart = workspace.logText().length();
        int exitCode = runUntilCompleted();

        // then
        assertThat(killedIn).as("the step the kill landed in").isEqualTo(point.phase());
        assertThat(exitCode).as("exit code of the last run").isZero();
        assertThat(workspace.logText().substring(logBeforeRestart))
            .contains("was left running by a process that is gone; recovering it",
                    "Restarting job 1 of numbers.csv from its last checkpoint");
        assertThat(workspace.lastJobStatus()).isEqualTo("COMPLETED");
        List<Long> jobIds = jobIds();
        assertThat(jobIds).as("the job's ids, one more at each run, none skipped")
            .isEqualTo(LongStream.rangeClosed(1, jobIds.size()).boxed().toList());
        assertThat(workspace.input().resolve("processed/numbers.csv")).exists();
        Path reports = workspace.reports(1, "numbers");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, ROUNDS, INPUT);
        ExactlyOnce.assertEveryRowInExactlyOneReport(reports, INPUT);
        ExactlyOnce.assertEachRetryAppliedOnce(sandbox, reports, sandbox.requests(RETRY_BATCH));
    }

    /** Starts bulkcall as a process, kills it at the point, and returns the step it was in then. */
    private Phase killFirstRunAt(KillPoint point) throws InterruptedException, ExecutionException {
        CompletableFuture<Phase> killedIn = new CompletableFuture<>();
        AtomicBoolean fired = new AtomicBoolean();
        Handle run = new ForkedBulkcall(workspace).with(SETTINGS).start("run");
        try (Trigger.Armed armed = point.trigger().arm(sandbox, workspace.log(), () -> {
            if (fired.compareAndSet(false, true)) {
                run.kill();
                killedIn.complete(Phase.lastStartedIn(workspace.logText()));
            }
        })) {
            run.process().onExit().get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // the process is gone once killed, but the killer may still be reading its log
            return killedIn.get(5, TimeUnit.SECONDS);
        }
        catch (TimeoutException notKilled) {
            run.kill();
            throw new AssertionError("the run was not killed in " + point + " but ended by itself with exit code "
                    + run.exitCode() + "; stderr:\n" + run.err(), notKilled);
        }
    }

    /** The ids of the job's executions, which bulkcall shows as the job's. */
    private List<Long> jobIds() {
        return new JdbcTemplate(workspace.jobDatabase())
            .queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID", Long.class);
    }

    /** Runs bulkcall on the folder until a run exits 0, a few times at most; returns the last exit code. */
    private int runUntilCompleted() {
        int exitCode = workspace.run("run");
        for (int run = 1; exitCode != 0 && run < MAX_RUNS_AFTER_KILL; run++) {
            exitCode = workspace.run("run");
        }
        return exitCode;
    }
}
