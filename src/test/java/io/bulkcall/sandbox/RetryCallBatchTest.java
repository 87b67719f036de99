package io.bulkcall.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retry Call Batch re-queues the recipients whose latest attempt failed and leaves the others
 * alone. Time stands still unless the test moves it, so every outcome is the seed's.
 */
class RetryCallBatchTest {

    private final SimulatedClock clock = new SimulatedClock(SteppedSandbox.START);

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(
            SteppedSandbox.SETTINGS.with(sandbox -> sandbox.failureRate = 0.5), clock).start();

    private final SandboxHttp api = new SandboxHttp(sandbox);

    @Test
    void retryAnswersWithTheFailedRecipientsRequeued() {
        // given
        String id = finishedBatchOfEight();
        List<String> failed = idsWithStatus(recipientsById(id), "failed");
        assertThat(failed).isNotEmpty().hasSizeLessThan(8);

        // when
        SandboxHttp.Reply reply = api.post(BATCHES + "/" + id + "/retry");

        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("retry_count").asInt()).isEqualTo(1);
        assertThat(reply.body().get("status").asString()).isEqualTo("in_progress");
        assertThat(reply.body().get("total_calls_scheduled").asInt()).isEqualTo(8);
        assertThat(reply.body().get("total_calls_dispatched").asInt()).isEqualTo(8 - failed.size());
        assertThat(reply.body().get("total_calls_finished").asInt()).isEqualTo(8 - failed.size());
        assertThat(reply.body().has("recipients")).isFalse();
    }

    @Test
    void retryLeavesCompletedRecipientsUntouched() {
        // given
        String id = finishedBatchOfEight();
        Map<String, JsonNode> before = recipientsById(id);

        // when
        api.post(BATCHES + "/" + id + "/retry");
        clock.advance(Duration.ofMinutes(10));

        // then
        Map<String, JsonNode> after = recipientsById(id);
        assertThat(idsWithStatus(before, "completed")).isNotEmpty()
                .allSatisfy(completed -> assertThat(after.get(completed)).isEqualTo(before.get(completed)));
    }

    @Test
    void retriedRecipientsAreDialedAgainAndTheOthersAreNot() {
        // given
        String id = finishedBatchOfEight();
        List<String> failed = idsWithStatus(recipientsById(id), "failed");

        // when
        api.post(BATCHES + "/" + id + "/retry");
        clock.advance(Duration.ofMinutes(10));

        // then
        assertThat(api.get(BATCHES + "/" + id).body().get("total_calls_finished").asInt()).isEqualTo(8);
        assertThat(sandbox.batch(id).orElseThrow().recipients()).allSatisfy(recipient ->
                assertThat(recipient.attempts()).isEqualTo(failed.contains(recipient.id()) ? 2 : 1));
    }

    @Test
    void retryWithNothingFailedLeavesRetryCountAtZero() {
        // given a batch that has not started yet
        String scheduledAt = clock.instant().plus(Duration.ofHours(1)).toString();
        String id = api.create(CreateRequests.sample().put("scheduled_at", scheduledAt)).get("id").asString();

        // when
        JsonNode retried = api.post(BATCHES + "/" + id + "/retry").body();

        // then
        assertThat(retried.get("retry_count").asInt()).isZero();
        assertThat(retried.get("status").asString()).isEqualTo("pending");
    }

    @Test
    void cancelledBatchCannotBeRetried() {
        // given
        String id = finishedBatchOfEight();
        api.post(BATCHES + "/" + id + "/cancel");

        // when
        SandboxHttp.Reply reply = api.post(BATCHES + "/" + id + "/retry");

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString()).isEqualTo("Batch is cancelled and cannot be retried");
        assertThat(sandbox.batch(id).orElseThrow().retryCount()).isZero();
    }

    @Test
    void retryOfAnUnknownBatchIs404() {
        assertThat(api.post(BATCHES + "/acb_missing/retry").status()).isEqualTo(404);
    }

    /** Eight recipients, four at a time, given the time to finish every call. */
    private String finishedBatchOfEight() {
        String id = api.create(CreateRequests.withRecipients("retry", 8)).get("id").asString();
        clock.advance(Duration.ofMinutes(10));
        return id;
    }

    private Map<String, JsonNode> recipientsById(String batchId) {
        return api.get(BATCHES + "/" + batchId).body().get("recipients").valueStream()
                .collect(Collectors.toMap(recipient -> recipient.get("id").asString(), recipient -> recipient));
    }

    private static List<String> idsWithStatus(Map<String, JsonNode> recipients, String status) {
        return recipients.entrySet().stream()
                .filter(entry -> entry.getValue().get("status").asString().equals(status))
                .map(Map.Entry::getKey)
                .toList();
    }
}
