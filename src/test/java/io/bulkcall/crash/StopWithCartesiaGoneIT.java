package io.bulkcall.crash;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CallList;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM while Cartesia does not answer: the process ends within {@code bulkcall.stop.timeout}
 * instead of trying each batch's cancel with the full retry policy, its last line counts the batches
 * that may still have calls queued and names {@code bulkcall cancel}, and the job stays restartable.
 * Once Cartesia answers again, the next run cancels what the stopped one left queued (batches scheduled
 * to start an hour later) and finishes the job, everybody dialed once. {@code bulkcall cancel} asked to
 * stop while Cartesia does not answer ends as quickly, saying what may still be queued. bulkcall runs as
 * a process of its own; its stand-in for Cartesia keeps its batches in a folder, so that it can go away
 * and come back on the same address.
 */
@ExtendWith(BulkcallWorkspaces.class)
@OnSystemClock
class StopWithCartesiaGoneIT {

    private static final CallList INPUT = CallList.of(2_000);

    private static final int BATCHES = 200;

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern LAST_LINE = Pattern.compile(
            "numbers\\.csv: job 1 stopped; (\\d+) call batches may still have calls queued at Cartesia: once it answers, "
                    + Pattern.quote("`bulkcall cancel 1` cancels them and ends the job, `bulkcall restart 1` cancels them and resumes it"));

    @Test
    void aStopWithCartesiaGoneEndsWithinTheStopTimeoutAndTheNextRunCancelsWhatWasLeftQueued(Workspace workspace,
            @TempDir Path cartesiaState) throws IOException {
        // given: 200 batches created, each to start dialing in an hour
        int port = TestSocketUtils.findAvailableTcpPort();
        SandboxSettings onItsOwnAddress = BulkcallWorkspaces.SYSTEM_CLOCK_SANDBOX.with(sandbox -> sandbox.port = port);
        SandboxServer cartesia = new SandboxServer(onItsOwnAddress, Clock.systemUTC(), cartesiaState).start();
        workspace.drop("numbers.csv", INPUT.content());
        Handle run = new ForkedBulkcall(workspace.root(), cartesia.baseUrl())
            .with("--spring.datasource.url=jdbc:h2:file:" + workspace.database(), "--bulkcall.batch.size=10",
                    "--bulkcall.calling-window.enabled=false",
                    "--bulkcall.batch.scheduled-at=" + inAnHour(), "--bulkcall.stop.timeout=" + STOP_TIMEOUT.toSeconds() + "s")
            .start("run");
        await().atMost(Duration.ofSeconds(90)).until(() -> workspace.logText().contains("0/" + BATCHES + " batches finished"));

        // when: Cartesia goes away, then SIGTERM
        cartesia.close();
        Duration stopping = terminate(run);

        // then
        assertThat(stopping).as("time from SIGTERM to the end of the process").isLessThan(STOP_TIMEOUT);
        Matcher lastLine = LAST_LINE.matcher(run.err());
        assertThat(lastLine.find()).as("the run's last line, in:%n%s", run.err()).isTrue();
        int leftQueued = Integer.parseInt(lastLine.group(1));
        assertThat(leftQueued).isEqualTo(BATCHES);
        assertThat(workspace.lastJobStatus()).isEqualTo("STOPPED");

        // and when Cartesia answers again, the next run, with calls to make at once, every batch dialing
        // all of its calls together (a batch that sends no limit of its own reserves half the
        // organization's, and the sandbox, as Cartesia does, admits two such batches at a time)
        try (SandboxServer back = new SandboxServer(onItsOwnAddress, Clock.systemUTC(), cartesiaState).start()) {
            int nextExit = workspace.with("--bulkcall.cartesia.base-url=" + back.baseUrl(), "--bulkcall.batch.size=10",
                    "--bulkcall.batch.target-concurrency-limit=10")
                .run("run");

            // then it cancels what was left queued first, and finishes the job exactly once
            assertThat(nextExit).isZero();
            assertThat(Pattern.compile("Cancelled call batch acb_\\w+ left queued by the last run: 10 queued recipients")
                .matcher(workspace.logText())
                .results()
                .count()).isEqualTo(BATCHES);
            ExactlyOnce.assertEveryValidNumberDialedOncePerRound(back, 0, INPUT);
            ExactlyOnce.assertEveryRowInExactlyOneReport(workspace.reports(1, "numbers"), INPUT);
        }
    }

    @Test
    void aCancelSignalledWhileCartesiaDoesNotAnswerEndsWithinSecondsNamingWhatMayStillBeQueued(Workspace workspace) {
        // given: a run killed once it created 10 batches, each to start dialing in an hour
        workspace.drop("numbers.csv", CallList.of(100).content());
        Handle run = new ForkedBulkcall(workspace).with("--bulkcall.batch.size=10", "--bulkcall.calling-window.enabled=false",
                "--bulkcall.batch.scheduled-at=" + inAnHour()).start("run");
        await().atMost(Duration.ofSeconds(90)).until(() -> workspace.logText().contains("0/10 batches finished"));
        run.kill();

        // when: bulkcall cancel, with Cartesia gone and seconds between its attempts, gets SIGTERM as it starts
        Handle cancel = new ForkedBulkcall(workspace.root(), "http://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort())
            .with("--spring.datasource.url=jdbc:h2:file:" + workspace.database(), "--bulkcall.cartesia.initial-backoff=5s",
                    "--bulkcall.cartesia.max-backoff=30s", "--bulkcall.stop.timeout=" + STOP_TIMEOUT.toSeconds() + "s")
            .start("cancel", "1");
        await().atMost(Duration.ofSeconds(60))
            .until(() -> cancel.err().contains("Job 1 (numbers.csv) is cancelled: no further call batch is created"));
        Duration stopping = terminate(cancel);

        // then: where each of its batches would have been tried for a minute and more
        assertThat(stopping).as("time from SIGTERM to the end of the process").isLessThan(STOP_TIMEOUT);
        assertThat(cancel.err()).contains("Job 1: 10 of 10 call batches could not be cancelled (",
                "as bulkcall stops (connection refused)", "`bulkcall cancel 1` cancels them once Cartesia answers")
            .doesNotContain("Exception");
    }

    /** Sends SIGTERM and waits for the process to end, exit code 1; returns how long it took. */
    private static Duration terminate(Handle process) {
        long signalled = System.nanoTime();
        process.terminate();
        assertThat(process.waitFor(STOP_TIMEOUT.multipliedBy(2))).as("exit code of the stopped process").isEqualTo(1);
        return Duration.ofNanos(System.nanoTime() - signalled);
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    }
}
