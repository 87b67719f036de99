package io.bulkcall.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static io.bulkcall.sandbox.SandboxHttp.CALLS;
import static io.bulkcall.sandbox.SteppedSandbox.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * List Calls: one entry per call attempt, newest first by start time, filtered by agent or batch
 * and paged like List Call Batches; an answered call has a summary, and a transcript when asked
 * for. Calls ring 10 s and last 60 s, on a clock that moves only when told; one attempt in two
 * fails, as the seed draws it.
 */
class ListCallsTest {

    private final SimulatedClock clock = new SimulatedClock(START);

    @AutoClose
    private SandboxServer sandbox = start(SteppedSandbox.SETTINGS);

    private SandboxHttp api = new SandboxHttp(sandbox);

    @Test
    void listsABatchsCallsNewestFirstByStartTime() {
        // given three recipients called one after another
        String id = create(CreateRequests.withRecipients("one at a time", 3).put("target_concurrency_limit", 1));
        clock.advance(Duration.ofMinutes(10));

        // when
        JsonNode page = api.get(CALLS + "?batch_id=" + id).body();

        // then
        assertThat(ids(page)).containsExactlyElementsOf(reversed(agentCallIds(id)));
        assertThat(page.get("data").valueStream().map(call -> Instant.parse(call.get("start_time").asString())))
                .containsExactly(START.plusSeconds(150), START.plusSeconds(80), START.plusSeconds(10));
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(page.has("next_page")).isFalse();
    }

    @Test
    void callNotStartedYetIsListedByWhenItWasPlaced() {
        // given a call started at 12:00:10 and another placed at 12:00:05, still ringing at 12:00:12
        String first = create(CreateRequests.withRecipients("first", 1));
        clock.advance(Duration.ofSeconds(5));
        String second = create(CreateRequests.withRecipients("second", 1));
        clock.advance(Duration.ofSeconds(7));

        // when
        JsonNode page = api.get(CALLS + "?agent_id=agent_sandbox").body();

        // then
        assertThat(ids(page)).containsExactly(agentCallIds(first).get(0), agentCallIds(second).get(0));
        JsonNode ringing = page.get("data").get(1);
        assertThat(ringing.get("status").asString()).isEqualTo("created");
        assertThat(ringing.get("start_time").isNull()).isTrue();
    }

    @Test
    void redialedRecipientAppearsOncePerAttemptThatPlacedACall() {
        // given every attempt fails, some before a call is placed, and the batch is retried once
        restart(SteppedSandbox.SETTINGS.with(sandbox -> sandbox.failureRate = 1));
        String id = create(CreateRequests.withRecipients("failing", 12));
        clock.advance(Duration.ofMinutes(1));
        List<String> firstRound = agentCallIds(id);
        api.post(BATCHES + "/" + id + "/retry");
        clock.advance(Duration.ofMinutes(1));
        List<String> secondRound = agentCallIds(id);

        // when
        JsonNode page = api.get(CALLS + "?batch_id=" + id + "&limit=100").body();

        // then
        assertThat(firstRound).isNotEmpty().hasSizeLessThan(12);
        List<String> everyCall = new ArrayList<>(firstRound);
        everyCall.addAll(secondRound);
        assertThat(ids(page)).containsExactlyInAnyOrderElementsOf(everyCall);
    }

    @Test
    void pagesOnWithNextPageAsStartingAfter() {
        // given five calls
        String id = create(CreateRequests.withRecipients("five", 5).put("target_concurrency_limit", 1));
        clock.advance(Duration.ofMinutes(10));
        List<String> newestFirst = reversed(agentCallIds(id));

        // when
        JsonNode first = api.get(CALLS + "?batch_id=" + id + "&limit=2").body();
        JsonNode second = api.get(CALLS + "?batch_id=" + id + "&limit=2&starting_after="
                + first.get("next_page").asString()).body();
        JsonNode last = api.get(CALLS + "?batch_id=" + id + "&limit=2&starting_after="
                + second.get("next_page").asString()).body();

        // then
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(last)).containsExactly(newestFirst.get(4));
        assertThat(last.get("has_more").asBoolean()).isFalse();
        assertThat(last.has("next_page")).isFalse();
    }

    @Test
    void endingBeforeGivesThePageOfNewerCallsClosestToIt() {
        // given five calls
        String id = create(CreateRequests.withRecipients("five", 5).put("target_concurrency_limit", 1));
        clock.advance(Duration.ofMinutes(10));
        List<String> newestFirst = reversed(agentCallIds(id));

        // when
        JsonNode page = api.get(CALLS + "?batch_id=" + id + "&limit=2&ending_before=" + newestFirst.get(3)).body();

        // then
        assertThat(ids(page)).containsExactlyElementsOf(newestFirst.subList(1, 3));
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.get("next_page").asString()).isEqualTo(newestFirst.get(1));
    }

    @Test
    void filtersByAgentAndByBatch() {
        // given
        restart(SteppedSandbox.SETTINGS.with(sandbox -> {
            sandbox.agentId = null;
            sandbox.fromNumberId = null;
        }));
        String a = create(CreateRequests.withRecipients("a", 2).put("agent_id", "agent_a"));
        String b = create(CreateRequests.withRecipients("b", 3).put("agent_id", "agent_b"));
        clock.advance(Duration.ofMinutes(10));

        // when
        JsonNode agentA = api.get(CALLS + "?agent_id=agent_a").body();
        JsonNode batchB = api.get(CALLS + "?batch_id=" + b).body();
        JsonNode agentBOfBatchA = api.get(CALLS + "?agent_id=agent_b&batch_id=" + a).body();

        // then
        assertThat(ids(agentA)).containsExactlyInAnyOrderElementsOf(agentCallIds(a));
        assertThat(agentA.get("data"))
                .allSatisfy(call -> assertThat(call.get("agent_id").asString()).isEqualTo("agent_a"));
        assertThat(ids(batchB)).containsExactlyInAnyOrderElementsOf(agentCallIds(b));
        assertThat(agentBOfBatchA.get("data")).isEmpty();
    }

    @Test
    void eachEntryIsTheAgentCallGetCallShowsWithoutItsTranscript() {
        // given
        String id = create(CreateRequests.sample());
        clock.advance(Duration.ofMinutes(10));

        // when
        JsonNode listed = api.get(CALLS + "?batch_id=" + id).body().get("data").get(0);

        // then
        JsonNode got = api.get(CALLS + "/" + listed.get("id").asString()).body();
        assertThat(listed.has("transcript")).isFalse();
        assertThat(got.has("transcript")).isTrue();
        ObjectNode gotWithoutTranscript = (ObjectNode) got.deepCopy();
        gotWithoutTranscript.remove("transcript");
        assertThat(listed).isEqualTo(gotWithoutTranscript);
        assertThat(listed.get("summary").asString()).isNotBlank();
        assertThat(listed.get("telephony_params").get("to").asString()).startsWith("+1415555");
    }

    @Test
    void expandTranscriptGivesAnsweredCallsAShortConversationWithinTheCall() {
        // given
        String id = create(CreateRequests.withRecipients("talk", 3));
        clock.advance(Duration.ofMinutes(10));

        // when
        JsonNode page = api.get(CALLS + "?batch_id=" + id + "&expand=transcript").body();

        // then
        assertThat(page.get("data")).hasSize(3).allSatisfy(call -> {
            JsonNode transcript = call.get("transcript");
            assertThat(transcript.size()).isBetween(3, 5);
            assertThat(transcript.get(0).get("role").asString()).isEqualTo("assistant");
            double previousEnd = 0;
            for (JsonNode turn : transcript) {
                assertThat(turn.get("role").asString()).isIn("assistant", "user");
                assertThat(turn.get("text").asString()).isNotBlank();
                assertThat(turn.get("start_timestamp").asDouble()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(turn.get("end_timestamp").asDouble()).isGreaterThan(turn.get("start_timestamp").asDouble())
                        .isLessThanOrEqualTo(60);
                previousEnd = turn.get("end_timestamp").asDouble();
            }
        });
    }

    @Test
    void unansweredCallHasNoSummaryAndANullTranscript() {
        // given
        restart(SteppedSandbox.SETTINGS.with(sandbox -> sandbox.failureRate = 1));
        String id = create(CreateRequests.withRecipients("unanswered", 12));
        clock.advance(Duration.ofMinutes(1));

        // when
        JsonNode page = api.get(CALLS + "?batch_id=" + id + "&expand=transcript").body();

        // then
        assertThat(page.get("data")).isNotEmpty().allSatisfy(call -> {
            assertThat(call.get("status").asString()).isEqualTo("failed");
            assertThat(call.get("summary").isNull()).isTrue();
            assertThat(call.get("transcript").isNull()).isTrue();
        });
    }

    static Stream<Arguments> queriesBreakingTheRules() {
        return Stream.of(
                arguments("no filter", "limit=5", "pass agent_id, or batch_id"),
                arguments("limit 0", "agent_id=agent_sandbox&limit=0", "'limit' must be an integer from 1 to 100"),
                arguments("limit 101", "agent_id=agent_sandbox&limit=101", "from 1 to 100"),
                arguments("limit not a number", "agent_id=agent_sandbox&limit=ten", "from 1 to 100"),
                arguments("another expansion", "agent_id=agent_sandbox&expand=summary", "'expand' can only be"),
                arguments("an unknown parameter", "agent_id=agent_sandbox&batchId=acb_1",
                        "unknown query parameter 'batchId'"),
                arguments("a repeated parameter", "agent_id=agent_sandbox&agent_id=agent_other",
                        "'agent_id' is repeated"),
                arguments("an unknown anchor", "agent_id=agent_sandbox&starting_after=ac_missing",
                        "starting_after 'ac_missing' is not a call"),
                arguments("both anchors", "agent_id=agent_sandbox&starting_after=ac_1&ending_before=ac_2",
                        "not both"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queriesBreakingTheRules")
    void refusesABadQueryWith400(String breach, String query, String message) {
        // when
        SandboxHttp.Reply reply = api.get(CALLS + "?" + query);

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("invalid_request");
        assertThat(reply.body().get("message").asString()).contains(message);
    }

    @Test
    void unknownBatchIs404() {
        assertThat(api.get(CALLS + "?batch_id=acb_missing").status()).isEqualTo(404);
    }

    private SandboxServer start(SandboxSettings settings) {
        return new SandboxServer(settings, clock).start();
    }

    private void restart(SandboxSettings settings) {
        sandbox.close();
        sandbox = start(settings);
        api = new SandboxHttp(sandbox);
    }

    private String create(JsonNode request) {
        return api.create(request).get("id").asString();
    }

    /** The calls of the batch's recipients' latest attempts, in the order of the recipients. */
    private List<String> agentCallIds(String batchId) {
        return api.get(BATCHES + "/" + batchId).body().get("recipients").valueStream()
                .filter(recipient -> recipient.has("agent_call_id"))
                .map(recipient -> recipient.get("agent_call_id").asString())
                .toList();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("data").valueStream().map(call -> call.get("id").asString()).toList();
    }

    private static List<String> reversed(List<String> ids) {
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        return reversed;
    }
}
