package io.bulkcall.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every attempt fails, as the seed splits it: some before a call is placed (no
 * {@code agent_call_id}, an {@code error_message}), the others unanswered, onto a busy line or
 * failing to connect (a failed call with a dial end reason).
 */
class CallFailureTest {

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults().with(sandbox -> {
        sandbox.ringDuration = Duration.ofMillis(10);
        sandbox.callDuration = Duration.ofMillis(10);
        sandbox.failureRate = 1;
    })).start();

    private final SandboxHttp api = new SandboxHttp(sandbox);

    private Map<Boolean, List<JsonNode>> byHasCall;

    @BeforeEach
    void runABatchOfThirtyFailingCalls() {
        String id = api.create(CreateRequests.withRecipients("all fail", 30)).get("id").asString();
        JsonNode batch = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> api.get(BATCHES + "/" + id).body(), b -> b.get("total_calls_finished").asInt() == 30);
        byHasCall = batch.get("recipients").valueStream()
                .collect(Collectors.partitioningBy(recipient -> recipient.has("agent_call_id")));
    }

    @Test
    void failureBeforeDialingHasAnErrorMessageAndNoAgentCallId() {
        assertThat(byHasCall.get(false)).isNotEmpty().allSatisfy(recipient -> {
            assertThat(recipient.get("status").asString()).isEqualTo("failed");
            assertThat(recipient.get("error_message").asString()).isEqualTo("Number could not be reached");
            assertThat(recipient.has("end_reason")).isFalse();
        });
    }

    @Test
    void unansweredCallHasAnAgentCallIdAndADialEndReason() {
        assertThat(byHasCall.get(true)).isNotEmpty().allSatisfy(recipient -> {
            assertThat(recipient.get("status").asString()).isEqualTo("failed");
            assertThat(recipient.get("end_reason").asString()).isIn("dial_no_answer", "dial_busy", "dial_failed");
            assertThat(recipient.has("error_message")).isFalse();
        });
    }

    @Test
    void failuresAreSplitBetweenBeforeDialingNoAnswerBusyAndFailedToConnect() {
        assertThat(byHasCall.get(false)).isNotEmpty();
        assertThat(byHasCall.get(true)).extracting(recipient -> recipient.get("end_reason").asString())
                .containsOnly("dial_no_answer", "dial_busy", "dial_failed")
                .contains("dial_no_answer", "dial_busy", "dial_failed");
    }

    @Test
    void getCallShowsAnUnansweredCallAsFailedWithoutStartTime() {
        // given
        JsonNode recipient = byHasCall.get(true).get(0);

        // when
        JsonNode call = api.get("/agents/calls/" + recipient.get("agent_call_id").asString()).body();

        // then
        assertThat(call.get("status").asString()).isEqualTo("failed");
        assertThat(call.get("end_reason").asString()).isEqualTo(recipient.get("end_reason").asString());
        assertThat(call.get("start_time").isNull()).isTrue();
        assertThat(call.get("end_time").isNull()).isFalse();
    }

    @Test
    void batchOfFailedCallsIsCompletedWithEveryCallFinished() {
        // when
        JsonNode batch = api.get(BATCHES).body().get("data").get(0);

        // then
        assertThat(batch.get("status").asString()).isEqualTo("completed");
        assertThat(batch.get("total_calls_dispatched").asInt()).isEqualTo(30);
        assertThat(batch.get("total_calls_finished").asInt()).isEqualTo(30);
    }
}
