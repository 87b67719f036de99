package io.bulkcall.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.RecipientSnapshot;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CallList;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.bulkcall.sandbox.SandboxEndpoint.CANCEL_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.CREATE_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.LIST_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only SIGKILL leaves a batch dialing: a process killed while its batch dials inside the window can
 * cancel nothing. The next run of the job cancels what it left queued before anything else, then
 * dials those recipients in a new batch; each number is dialed once. The sandbox runs on the
 * workspace's simulated clock, set to now, which stands still while the first process is killed and
 * the second starts, so that what is queued at the kill is still queued when the second run looks.
 */
@ExtendWith(BulkcallWorkspaces.class)
class KilledMidWindowIT {

    private static final CallList INPUT = CallList.of(12);

    private final ScheduledExecutorService time = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTime() {
        time.shutdownNow();
    }

    @Test
    void theNextRunCancelsWhatAKilledRunLeftQueuedThenDialsItInANewBatch(Workspace workspace) {
        // given: a run killed as it first polls its batch, which dials a few calls and holds the rest queued
        workspace.clock().advanceTo(Instant.now());
        SandboxServer sandbox = workspace.useSandbox(BulkcallWorkspaces.SANDBOX.with(settings -> {
            settings.orgConcurrencyLimit = 4;
            settings.ringDuration = Duration.ofSeconds(1);
            settings.callDuration = Duration.ofSeconds(10);
        }));
        workspace.drop("numbers.csv", INPUT.content());
        ForkedBulkcall bulkcall = new ForkedBulkcall(workspace).with("--bulkcall.validation.max-reject-ratio=0.5");
        Handle killed = bulkcall.start("run");
        sandbox.whenApplied((endpoint, ordinal) -> {
            // the first List Call Batches is the submit step's reconciliation, the second the first poll
            if (endpoint == LIST_BATCHES && ordinal == 2) {
                killed.kill();
            }
        });
        killed.waitFor(Duration.ofMinutes(2));
        CallBatchSnapshot dialing = single(sandbox.batches());
        long queued = dialing.recipients().stream().filter(recipient -> recipient.attempts() == 0).count();
        assertThat(queued).isPositive().isLessThan(INPUT.validNumbers().size());

        // when: the next run; once it cancelled, the sandbox's calls move on 1 s every 10 ms
        List<SandboxEndpoint> applied = new CopyOnWriteArrayList<>();
        sandbox.whenApplied((endpoint, ordinal) -> {
            applied.add(endpoint);
            if (endpoint == CANCEL_BATCH && ordinal == 1) {
                time.scheduleAtFixedRate(() -> workspace.clock().advance(Duration.ofSeconds(1)), 10, 10,
                        TimeUnit.MILLISECONDS);
            }
        });
        Handle next = bulkcall.start("run");
        int exitCode = next.waitFor(Duration.ofMinutes(2));

        // then
        assertThat(exitCode).as(next.err()).isZero();
        assertThat(applied).containsSubsequence(CANCEL_BATCH, CREATE_BATCH);
        assertThat(applied.subList(0, applied.indexOf(CANCEL_BATCH))).doesNotContain(CREATE_BATCH);
        assertThat(workspace.logText()).contains("Cancelled call batch " + dialing.id()
                + " left queued by the last run: " + queued + " queued recipients wait for the next run");
        List<CallBatchSnapshot> batches = sandbox.batches();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).status()).isEqualTo("cancelled");
        assertThat(batches.get(1).toNumbers()).containsExactlyInAnyOrderElementsOf(batches.get(0)
            .recipients()
            .stream()
            .filter(recipient -> recipient.attempts() == 0)
            .map(RecipientSnapshot::toNumber)
            .toList());
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, INPUT);
        ExactlyOnce.assertEveryRowInExactlyOneReport(workspace.reports(1, "numbers"), INPUT);
    }

    private static CallBatchSnapshot single(List<CallBatchSnapshot> batches) {
        assertThat(batches).hasSize(1);
        return batches.get(0);
    }
}
