package io.bulkcall.sandbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A batch created, dialed and finished, as Create, Get Call Batch and Get Call show it. */
class CallBatchLifecycleTest {

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults().with(sandbox -> {
        sandbox.ringDuration = Duration.ofMillis(10);
        sandbox.callDuration = Duration.ofMillis(30);
        sandbox.failureRate = 0;
    })).start();

    private final SandboxHttp api = new SandboxHttp(sandbox);

    @Test
    void createAnswers201WithTheBatchQueuedAndNoRecipients() {
        // when
        SandboxHttp.Reply reply = api.post(BATCHES, CreateRequests.sample());

        // then
        assertThat(reply.status()).isEqualTo(201);
        JsonNode batch = reply.body();
        assertThat(batch.get("id").asString()).matches("acb_[0-9A-Za-z]{22}");
        assertThat(batch.get("name").asString()).isEqualTo("March outreach");
        assertThat(batch.get("agent_id").asString()).isEqualTo("agent_sandbox");
        assertThat(batch.get("from_number_id").asString()).isEqualTo("ap_sandbox");
        assertThat(batch.get("region").asString()).isEqualTo("US");
        assertThat(batch.get("status").asString()).isEqualTo("pending");
        assertThat(batch.get("total_calls_scheduled").asInt()).isEqualTo(2);
        assertThat(batch.get("total_calls_dispatched").asInt()).isZero();
        assertThat(batch.get("total_calls_finished").asInt()).isZero();
        assertThat(batch.get("retry_count").asInt()).isZero();
        assertThat(Instant.parse(batch.get("created_at").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(batch.get("last_updated_at")).isEqualTo(batch.get("created_at"));
        assertThat(batch.has("recipients")).isFalse();
        assertThat(batch.has("scheduled_at")).isFalse();
        assertThat(batch.has("admitted_at")).isFalse();
    }

    @Test
    void targetConcurrencyLimitDefaultsToHalfTheOrganizationsLimit() {
        // when
        JsonNode batch = api.create(CreateRequests.sample());

        // then
        assertThat(batch.get("target_concurrency_limit").asInt()).isEqualTo(4);
    }

    @Test
    void batchRunsToCompletedAndEveryCallEnds() {
        // given
        String id = api.create(CreateRequests.sample()).get("id").asString();

        // when
        JsonNode batch = awaitFinished(id);

        // then
        assertThat(batch.get("status").asString()).isEqualTo("completed");
        assertThat(batch.get("total_calls_dispatched").asInt()).isEqualTo(2);
        assertThat(batch.has("admitted_at")).isTrue();
        assertThat(batch.get("recipients")).allSatisfy(recipient -> {
            assertThat(recipient.get("id").asString()).matches("abcr_[0-9A-Za-z]{22}");
            assertThat(recipient.get("status").asString()).isEqualTo("completed");
            assertThat(recipient.get("agent_call_id").asString()).matches("ac_[0-9A-Za-z]{22}");
            assertThat(recipient.get("end_reason").asString()).isIn("agent_hangup", "client_hangup");
            assertThat(recipient.has("error_message")).isFalse();
        });
    }

    @Test
    void getEchoesEveryRecipientWithItsMetadataInOrder() {
        // given
        String id = api.create(CreateRequests.sample()).get("id").asString();

        // when
        SandboxHttp.Reply reply = api.get(BATCHES + "/" + id);

        // then
        assertThat(reply.status()).isEqualTo(200);
        JsonNode recipients = reply.body().get("recipients");
        assertThat(recipients).hasSize(2);
        assertThat(recipients.get(0).get("to_number").asString()).isEqualTo("+14155559876");
        assertThat(recipients.get(0).get("metadata")).isEqualTo(CreateRequests.sample().at("/recipients/0/metadata"));
        assertThat(recipients.get(1).get("to_number").asString()).isEqualTo("+14155550101");
        assertThat(recipients.get(1).get("metadata")).isEqualTo(CreateRequests.sample().at("/recipients/1/metadata"));
    }

    @Test
    void getCallShowsTheEndedCallOfARecipient() {
        // given
        String id = api.create(CreateRequests.sample()).get("id").asString();
        JsonNode recipient = awaitFinished(id).get("recipients").get(0);

        // when
        SandboxHttp.Reply reply = api.get("/agents/calls/" + recipient.get("agent_call_id").asString());

        // then
        assertThat(reply.status()).isEqualTo(200);
        JsonNode call = reply.body();
        assertThat(call.get("id").asString()).isEqualTo(recipient.get("agent_call_id").asString());
        assertThat(call.get("agent_id").asString()).isEqualTo("agent_sandbox");
        assertThat(call.get("status").asString()).isEqualTo("completed");
        assertThat(call.get("end_reason").asString()).isEqualTo(recipient.get("end_reason").asString());
        assertThat(Instant.parse(call.get("end_time").asString()))
                .isAfterOrEqualTo(Instant.parse(call.get("start_time").asString()).plusMillis(30));
        assertThat(call.get("metadata")).isEqualTo(recipient.get("metadata"));
    }

    @Test
    void getCallShowsTheSummaryAndTranscriptOfAnAnsweredCall() {
        // given
        String id = api.create(CreateRequests.sample()).get("id").asString();
        String callId = awaitFinished(id).get("recipients").get(0).get("agent_call_id").asString();

        // when
        JsonNode call = api.get("/agents/calls/" + callId).body();

        // then
        assertThat(call.get("summary").asString()).isNotBlank();
        assertThat(call.get("transcript").size()).isBetween(3, 5);
    }

    @Test
    void unknownBatchOrCallIs404WithTheDocumentedErrorBody() {
        // when
        SandboxHttp.Reply batch = api.get(BATCHES + "/acb_missing");
        SandboxHttp.Reply call = api.get("/agents/calls/ac_missing");

        // then
        assertThat(batch.status()).isEqualTo(404);
        assertThat(call.status()).isEqualTo(404);
        assertThat(batch.body().get("error_code").asString()).isEqualTo("not_found");
        assertThat(batch.body().get("title").asString()).isEqualTo("Not Found");
        assertThat(batch.body().get("message").asString()).contains("acb_missing");
        assertThat(batch.body().get("request_id").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-.*");
    }

    private JsonNode awaitFinished(String id) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> api.get(BATCHES + "/" + id).body(),
                        batch -> batch.get("total_calls_finished").asInt() == batch.get("total_calls_scheduled").asInt());
    }
}
