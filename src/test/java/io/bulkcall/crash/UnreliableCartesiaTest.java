package io.bulkcall.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CallList;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.bulkcall.sandbox.SandboxEndpoint.CREATE_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.RETRY_BATCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once against a Cartesia that misbehaves: answers lost after the request took effect,
 * answers that come after the client gave up waiting, and storms of 500, 503 and 429 on every
 * endpoint. bulkcall runs in this JVM, on 2,000 numbers in ten batches with one retry round; what
 * the sandbox holds afterwards is what counts.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class UnreliableCartesiaTest {

    private static final CallList INPUT = CallList.of(2_000);
    private static final int MAX_RUNS = 5;
    private static final int ROUNDS = 1;

    /**
     * Calls over by the job's first look at them, so that the test spends its time on the faults; one
     * attempt in five fails, so that the retry round has work.
     */
    private static final SandboxSettings SANDBOX = BulkcallWorkspaces.SANDBOX.with(sandbox -> {
        sandbox.ringDuration = Duration.ofMillis(1);
        sandbox.callDuration = Duration.ofMillis(5);
        sandbox.failureRate = 0.2;
    });

    private final AtomicLong retriesApplied = new AtomicLong();
    private Workspace workspace;
    private SandboxServer sandbox;

    @BeforeEach
    void dropTheList(Workspace workspace) {
        this.workspace = workspace.with("--bulkcall.batch.size=200", "--bulkcall.redial.rounds=" + ROUNDS);
        workspace.drop("numbers.csv", INPUT.content());
    }

    @Test
    void createsAndRetriesWhoseAnswersAreLostAreNeitherRepeatedNorMissed(CapturedOutput output) {
        // given: three in ten Create and Retry Call Batch requests take effect and lose their answer
        sandbox = workspace.useSandbox(SANDBOX.with(sandbox -> sandbox.lostResponseRate = 0.3));
        sandbox.whenApplied(this::countRetries);

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.lostResponses()).as("answers lost").isPositive();
        assertThat(output.getErr()).containsPattern("call batch \"bulkcall numbers #1 batch \\d+ \\(\\w+\\)\" took effect after all")
            .containsPattern("Retry Call Batch acb_\\w+ took effect after all");
        assertExactlyOnce();
    }

    @Test
    void createsAndRetriesAnsweredAfterTheClientGaveUpAreNeitherRepeatedNorMissed(CapturedOutput output) {
        // given: every third Create and Retry Call Batch is answered long after the client's timeout
        sandbox = workspace.useSandbox(SANDBOX);
        workspace.with("--bulkcall.cartesia.response-timeout=300ms");
        AtomicLong late = new AtomicLong();
        sandbox.whenApplied((endpoint, ordinal) -> {
            countRetries(endpoint, ordinal);
            if ((endpoint == CREATE_BATCH || endpoint == RETRY_BATCH) && ordinal % 3 == 1) {
                late.incrementAndGet();
                answerLate();
            }
        });

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(late).as("answers sent after the timeout").hasPositiveValue();
        assertThat(output.getErr()).containsPattern("call batch \"bulkcall numbers #1 batch \\d+ \\(\\w+\\)\" took effect after all")
            .containsPattern("Retry Call Batch acb_\\w+ took effect after all");
        assertExactlyOnce();
    }

    @Test
    void aStormOf500s503sAnd429sOnEveryEndpointEndsWithEveryRecipientCalledOnce() {
        // given: three in five requests to any endpoint are answered 500, 503 or 429
        sandbox = workspace.useSandbox(SANDBOX.with(sandbox -> sandbox.faultRate = 0.6));
        workspace.with("--bulkcall.cartesia.max-attempts=20");
        sandbox.whenApplied(this::countRetries);

        // when: a run that fails is restarted by the next, as cron would, a few times at most
        int exitCode = workspace.run("run");
        for (int run = 1; exitCode != 0 && run < MAX_RUNS; run++) {
            exitCode = workspace.run("run");
        }

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.injectedErrors()).as("error answers").isGreaterThan(100);
        assertExactlyOnce();
    }

    private void countRetries(SandboxEndpoint endpoint, long ordinal) {
        if (endpoint == RETRY_BATCH) {
            retriesApplied.incrementAndGet();
        }
    }

    private void assertExactlyOnce() {
        Path reports = workspace.reports(1, "numbers");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, ROUNDS, INPUT);
        ExactlyOnce.assertEveryRowInExactlyOneReport(reports, INPUT);
        ExactlyOnce.assertEachRetryAppliedOnce(sandbox, reports, retriesApplied.get());
    }

    /** Holds the answer well past the client's response timeout. */
    private static void answerLate() {
        try {
            Thread.sleep(1_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
