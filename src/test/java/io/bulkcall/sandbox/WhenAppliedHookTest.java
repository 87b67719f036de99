package io.bulkcall.sandbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hook that lets a test act when Cartesia has applied a request and its client has no answer
 * yet: kill the client, or answer after its timeout.
 */
class WhenAppliedHookTest {

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults()).start();
    private final SandboxHttp api = new SandboxHttp(sandbox);

    @Test
    void theHookRunsOnceTheRequestIsAppliedAndTheAnswerWaitsForIt() throws Exception {
        // given
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.whenApplied((endpoint, ordinal) -> {
            entered.countDown();
            awaitQuietly(release);
        });

        // when
        CompletableFuture<SandboxHttp.Reply> reply = CompletableFuture.supplyAsync(
                () -> api.post(BATCHES, CreateRequests.sample()));
        boolean applied = entered.await(5, TimeUnit.SECONDS);

        // then
        assertThat(applied).isTrue();
        assertThat(sandbox.batches()).hasSize(1);
        assertThat(reply).isNotDone();
        release.countDown();
        assertThat(reply.get(5, TimeUnit.SECONDS).status()).isEqualTo(201);
    }

    @Test
    void theHookIsToldEachEndpointAndOrdinalButNotOfRequestsAnsweredWithAnInjectedError() {
        // given
        List<String> seen = new CopyOnWriteArrayList<>();
        sandbox.whenApplied((endpoint, ordinal) -> seen.add(endpoint + " #" + ordinal));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.SERVICE_UNAVAILABLE);

        // when
        api.post(BATCHES, CreateRequests.sample());
        api.post(BATCHES, CreateRequests.sample());
        api.get(BATCHES);

        // then
        assertThat(seen).containsExactly("CREATE_BATCH #2", "LIST_BATCHES #1");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
