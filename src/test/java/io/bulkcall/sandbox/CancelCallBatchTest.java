package io.bulkcall.sandbox;

import java.time.Duration;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancel Call Batch stops the queued recipients from being dialed while the calls in flight end
 * normally, and can be repeated. Ten recipients, two at a time, on a clock that moves only when
 * told.
 */
class CancelCallBatchTest {

    private final SimulatedClock clock = new SimulatedClock(SteppedSandbox.START);

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(SteppedSandbox.SETTINGS, clock).start();

    private final SandboxHttp api = new SandboxHttp(sandbox);

    @Test
    void cancelMidRunCancelsTheQueuedAndLetsCallsInFlightFinish() {
        // given
        String id = batchDialingTwoOfTen();

        // when
        SandboxHttp.Reply reply = api.post(BATCHES + "/" + id + "/cancel");
        clock.advance(Duration.ofMinutes(10));

        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("status").asString()).isEqualTo("cancelled");
        assertThat(reply.body().get("total_calls_dispatched").asInt()).isEqualTo(2);
        assertThat(reply.body().get("total_calls_finished").asInt()).isZero();
        JsonNode batch = api.get(BATCHES + "/" + id).body();
        assertThat(batch.get("status").asString()).isEqualTo("cancelled");
        assertThat(batch.get("total_calls_finished").asInt()).isEqualTo(2);
        assertThat(batch.get("recipients").valueStream().map(r -> r.get("status").asString()))
                .containsExactly("completed", "completed", "cancelled", "cancelled", "cancelled", "cancelled",
                        "cancelled", "cancelled", "cancelled", "cancelled");
    }

    @Test
    void cancelledRecipientsAreNeverDialed() {
        // given
        String id = batchDialingTwoOfTen();

        // when
        api.post(BATCHES + "/" + id + "/cancel");
        clock.advance(Duration.ofMinutes(10));

        // then
        assertThat(sandbox.batch(id).orElseThrow().recipients())
                .filteredOn(recipient -> recipient.status().equals("cancelled"))
                .hasSize(8)
                .allSatisfy(recipient -> {
                    assertThat(recipient.attempts()).isZero();
                    assertThat(recipient.agentCallId()).isNull();
                });
    }

    @Test
    void cancelIsIdempotent() {
        // given
        String id = batchDialingTwoOfTen();
        JsonNode first = api.post(BATCHES + "/" + id + "/cancel").body();

        // when
        SandboxHttp.Reply second = api.post(BATCHES + "/" + id + "/cancel");

        // then
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first);
        assertThat(sandbox.batch(id).orElseThrow().cancelRequests()).isEqualTo(2);
    }

    @Test
    void cancelOfAnUnknownBatchIs404() {
        assertThat(api.post(BATCHES + "/acb_missing/cancel").status()).isEqualTo(404);
    }

    private String batchDialingTwoOfTen() {
        String id = api.create(CreateRequests.withRecipients("cancel", 10).put("target_concurrency_limit", 2))
                .get("id").asString();
        clock.advance(Duration.ofSeconds(1));
        return id;
    }
}
