package io.bulkcall.sandbox;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * List Call Batches: newest first, filtered by agent, paged by {@code limit} and
 * {@code starting_after} with {@code has_more} and {@code next_page}. Five batches, created
 * a1, b1, a2, b2, a3 for agents {@code agent_a} and {@code agent_b}.
 */
class ListCallBatchesTest {

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(
            SandboxSettings.defaults().with(sandbox -> {
                sandbox.agentId = null;
                sandbox.fromNumberId = null;
            })).start();

    private final SandboxHttp api = new SandboxHttp(sandbox);

    @BeforeEach
    void createFiveBatchesForTwoAgents() {
        for (String name : List.of("a1", "b1", "a2", "b2", "a3")) {
            api.create(CreateRequests.sample().put("name", name).put("agent_id", "agent_" + name.charAt(0)));
        }
    }

    @Test
    void listsEveryBatchNewestFirstWithoutRecipients() {
        // when
        SandboxHttp.Reply reply = api.get(BATCHES);

        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(names(reply.body())).containsExactly("a3", "b2", "a2", "b1", "a1");
        assertThat(reply.body().get("has_more").asBoolean()).isFalse();
        assertThat(reply.body().has("next_page")).isFalse();
        assertThat(reply.body().get("data")).allSatisfy(batch -> assertThat(batch.has("recipients")).isFalse());
    }

    @Test
    void pagesThroughOneAgentsBatchesWithNextPage() {
        // when
        JsonNode first = api.get(BATCHES + "?agent_id=agent_a&limit=2").body();
        JsonNode second = api.get(BATCHES + "?agent_id=agent_a&limit=2&starting_after="
                + first.get("next_page").asString()).body();

        // then
        assertThat(names(first)).containsExactly("a3", "a2");
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.get("next_page").asString()).isEqualTo(first.get("data").get(1).get("id").asString());
        assertThat(names(second)).containsExactly("a1");
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(second.has("next_page")).isFalse();
    }

    @Test
    void endingBeforeGivesThePageOfNewerBatchesClosestToIt() {
        // given
        String a1 = api.get(BATCHES + "?agent_id=agent_a").body().get("data").get(2).get("id").asString();

        // when
        JsonNode page = api.get(BATCHES + "?limit=2&ending_before=" + a1).body();

        // then
        assertThat(names(page)).containsExactly("a2", "b1");
        assertThat(page.get("has_more").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "limit=0", "limit=101", "limit=ten", "starting_after=acb_missing", "agentId=agent_a",
            "limit=2&limit=3" })
    void refusesABadQueryWith400(String query) {
        assertThat(api.get(BATCHES + "?" + query).status()).isEqualTo(400);
    }

    private static List<String> names(JsonNode page) {
        return page.get("data").valueStream().map(batch -> batch.get("name").asString()).toList();
    }
}
