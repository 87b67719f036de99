package io.bulkcall.sandbox;

import java.time.Duration;
import java.time.Instant;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static io.bulkcall.sandbox.SteppedSandbox.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When batches start dialing: at their {@code scheduled_at}, and only once the organization's
 * concurrency limit (4 here) has room for their {@code target_concurrency_limit}, oldest batch
 * first. Calls ring 10 s and last 60 s, so a batch's first wave ends 70 s after it starts.
 */
class DispatchSchedulingTest {

    private static final Duration FIRST_WAVE = Duration.ofSeconds(70);

    private final SimulatedClock clock = new SimulatedClock(START);

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(
            SteppedSandbox.SETTINGS.with(sandbox -> sandbox.orgConcurrencyLimit = 4), clock).start();

    private final SandboxHttp api = new SandboxHttp(sandbox);

    @Test
    void scheduledBatchStaysPendingUntilItsTime() {
        // given
        Instant scheduledAt = START.plus(Duration.ofHours(1));
        String id = create("later", 2, 2, scheduledAt);

        // when
        clock.advance(Duration.ofMinutes(59));
        JsonNode before = get(id);
        clock.advance(Duration.ofMinutes(1));
        JsonNode after = get(id);

        // then
        assertThat(before.get("scheduled_at").asString()).isEqualTo(scheduledAt.toString());
        assertThat(before.get("status").asString()).isEqualTo("pending");
        assertThat(before.has("admitted_at")).isFalse();
        assertThat(after.get("status").asString()).isEqualTo("completed");
        assertThat(after.get("admitted_at").asString()).isEqualTo(scheduledAt.toString());
    }

    @Test
    void batchDialsNoMoreThanItsTargetConcurrencyLimitAtOnce() {
        // given
        String id = create("three at a time", 7, 3, null);

        // when
        clock.advance(Duration.ofSeconds(1));
        JsonNode firstWave = get(id);
        clock.advance(FIRST_WAVE);
        JsonNode secondWave = get(id);

        // then
        assertThat(firstWave.get("total_calls_dispatched").asInt()).isEqualTo(3);
        assertThat(secondWave.get("total_calls_dispatched").asInt()).isEqualTo(6);
        assertThat(secondWave.get("total_calls_finished").asInt()).isEqualTo(3);
    }

    @Test
    void batchStaysPendingWhileAnotherHoldsTheCapacity() {
        // given
        String first = create("first", 2, 4, null);
        String second = create("second", 2, 2, null);

        // when
        clock.advance(Duration.ofSeconds(1));
        JsonNode waiting = get(second);
        clock.advance(FIRST_WAVE);
        JsonNode admitted = get(second);

        // then
        assertThat(get(first).get("admitted_at").asString()).isEqualTo(START.toString());
        assertThat(waiting.get("status").asString()).isEqualTo("pending");
        assertThat(waiting.has("admitted_at")).isFalse();
        assertThat(admitted.get("status").asString()).isEqualTo("completed");
        assertThat(admitted.get("admitted_at").asString()).isEqualTo(START.plus(FIRST_WAVE).toString());
    }

    @Test
    void waitingBatchesAreAdmittedOldestFirstEvenWhenAYoungerOneWouldFit() {
        // given two slots taken, then a batch needing all four, then one needing the two left
        create("running", 2, 2, null);
        String older = create("older", 1, 4, null);
        String younger = create("younger", 1, 2, null);

        // when
        clock.advance(Duration.ofSeconds(1));
        JsonNode youngerWhileRunning = get(younger);
        clock.advance(FIRST_WAVE);
        JsonNode olderAfterRunning = get(older);
        JsonNode youngerAfterRunning = get(younger);
        clock.advance(FIRST_WAVE);

        // then
        assertThat(youngerWhileRunning.get("status").asString()).isEqualTo("pending");
        assertThat(olderAfterRunning.get("admitted_at").asString()).isEqualTo(START.plus(FIRST_WAVE).toString());
        assertThat(youngerAfterRunning.get("status").asString()).isEqualTo("pending");
        assertThat(get(younger).get("admitted_at").asString())
                .isEqualTo(START.plus(FIRST_WAVE).plus(FIRST_WAVE).toString());
    }

    private String create(String name, int recipients, int targetConcurrencyLimit, Instant scheduledAt) {
        var request = CreateRequests.withRecipients(name, recipients).put("target_concurrency_limit",
                targetConcurrencyLimit);
        if (scheduledAt != null) {
            request.put("scheduled_at", scheduledAt.toString());
        }
        return api.create(request).get("id").asString();
    }

    private JsonNode get(String id) {
        return api.get(BATCHES + "/" + id).body();
    }
}
