package io.bulkcall.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Create Call Batch refuses every body the reference does not allow, and nothing is created: the
 * sandbox is there to catch a client that drifts from the documented wire format.
 */
class CreateCallBatchStrictnessTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults(), new SimulatedClock(NOW))
            .start();

    private final SandboxHttp api = new SandboxHttp(sandbox);

    static Stream<Arguments> bodiesBreakingTheReference() {
        return Stream.of(
                arguments("a camelCase field", edit(body -> body.set("agentId", body.remove("agent_id"))),
                        "unknown field 'agentId' (did you mean 'agent_id'?)"),
                arguments("an unknown field", edit(body -> body.put("priority", 1)), "unknown field 'priority'"),
                arguments("an unknown recipient field", edit(body -> recipient(body).put("name", "Ada")),
                        "unknown field 'recipients[0].name'"),
                arguments("a null field", edit(body -> body.putNull("scheduled_at")), "'scheduled_at' must not be null"),
                arguments("a null metadata", edit(body -> recipient(body).putNull("metadata")),
                        "'recipients[0].metadata' must not be null"),
                arguments("no name", edit(body -> body.remove("name")), "'name' is required"),
                arguments("no agent_id", edit(body -> body.remove("agent_id")), "'agent_id' is required"),
                arguments("no recipients", edit(body -> body.remove("recipients")), "'recipients' is required"),
                arguments("0 recipients", edit(body -> body.putArray("recipients")), "1 to 1000 elements, got 0"),
                arguments("1001 recipients", edit(body -> body.set("recipients",
                        CreateRequests.withRecipients("big", 1001).get("recipients"))), "1 to 1000 elements, got 1001"),
                arguments("a national number", edit(body -> recipient(body).put("to_number", "4155559876")),
                        "'recipients[0].to_number' must be an E.164 number"),
                arguments("a formatted number", edit(body -> recipient(body).put("to_number", "+1 415 555 9876")),
                        "must be an E.164 number"),
                arguments("metadata that is not an object", edit(body -> recipient(body).put("metadata", "vip")),
                        "'recipients[0].metadata' must be an object"),
                arguments("ringing_timeout_seconds 4", edit(body -> body.put("ringing_timeout_seconds", 4)),
                        "'ringing_timeout_seconds' must be an integer from 5 to 80"),
                arguments("ringing_timeout_seconds 81", edit(body -> body.put("ringing_timeout_seconds", 81)),
                        "from 5 to 80"),
                arguments("max_call_duration_minutes 0", edit(body -> body.put("max_call_duration_minutes", 0)),
                        "from 1 to 480"),
                arguments("max_call_duration_minutes 481", edit(body -> body.put("max_call_duration_minutes", 481)),
                        "from 1 to 480"),
                arguments("a number as a string", edit(body -> body.put("max_call_duration_minutes", "60")),
                        "must be an integer"),
                arguments("target_concurrency_limit 0", edit(body -> body.put("target_concurrency_limit", 0)),
                        "'target_concurrency_limit' must be an integer from 1 to 8"),
                arguments("target_concurrency_limit above the org limit",
                        edit(body -> body.put("target_concurrency_limit", 9)), "from 1 to 8"),
                arguments("scheduled_at without offset", edit(body -> body.put("scheduled_at", "2026-03-02T12:00:00")),
                        "must be an RFC 3339 time with a timezone offset"),
                arguments("scheduled_at in the past", edit(body -> body.put("scheduled_at", "2026-03-01T11:59:59Z")),
                        "must be in the future"),
                arguments("scheduled_at beyond 30 days",
                        edit(body -> body.put("scheduled_at", "2026-03-31T12:00:01Z")), "must be within 30 days"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesBreakingTheReference")
    void refusesABodyWith400NamingTheField(String breach, UnaryOperator<ObjectNode> edit, String message) {
        // when
        SandboxHttp.Reply reply = api.post(BATCHES, edit.apply(CreateRequests.sample()));

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("invalid_request");
        assertThat(reply.body().get("message").asString()).contains(message);
        assertThat(sandbox.batches()).isEmpty();
    }

    @Test
    void duplicatedKeyIs400() {
        // when
        SandboxHttp.Reply reply = api.send(postJson(BATCHES, "{\"name\": \"a\", \"name\": \"b\"}"));

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString()).contains("not valid JSON", "Duplicate");
    }

    @Test
    void acceptsEveryOptionalFieldWithinItsRange() {
        // given
        ObjectNode body = CreateRequests.sample()
                .put("target_concurrency_limit", 8)
                .put("ringing_timeout_seconds", 80)
                .put("max_call_duration_minutes", 480)
                .put("scheduled_at", "2026-03-31T14:00:00+02:00");

        // when
        SandboxHttp.Reply reply = api.post(BATCHES, body);

        // then
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("scheduled_at").asString()).isEqualTo("2026-03-31T12:00:00Z");
        assertThat(reply.body().get("target_concurrency_limit").asInt()).isEqualTo(8);
    }

    @Test
    void anotherAgentOrPhoneNumberIs404() {
        // when
        SandboxHttp.Reply agent = api.post(BATCHES, CreateRequests.sample().put("agent_id", "agent_other"));
        SandboxHttp.Reply number = api.post(BATCHES, CreateRequests.sample().put("from_number_id", "ap_other"));

        // then
        assertThat(agent.status()).isEqualTo(404);
        assertThat(agent.body().get("message").asString()).contains("agent_other");
        assertThat(number.status()).isEqualTo(404);
        assertThat(number.body().get("message").asString()).contains("ap_other");
        assertThat(sandbox.batches()).isEmpty();
    }

    @Test
    void acceptsAnyIdsWhenTheSettingsNameNone() {
        try (SandboxServer anyIds = new SandboxServer(
                SandboxSettings.defaults().with(sandbox -> {
                    sandbox.agentId = null;
                    sandbox.fromNumberId = null;
                })).start()) {
            // when
            SandboxHttp.Reply reply = new SandboxHttp(anyIds).post(BATCHES,
                    CreateRequests.sample().put("agent_id", "agent_other").put("from_number_id", "ap_other"));

            // then
            assertThat(reply.status()).isEqualTo(201);
        }
    }

    @Test
    void missingAuthorizationIs401() {
        // when
        SandboxHttp.Reply reply = api.send(api.unauthenticated(BATCHES).GET().build());

        // then
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("unauthorized");
        assertThat(reply.body().get("request_id").asString()).isNotBlank();
    }

    @Test
    void xApiKeyInsteadOfBearerIs401() {
        // when
        SandboxHttp.Reply reply = api.send(api.unauthenticated(BATCHES)
                .header("X-API-Key", "sk_car_test")
                .GET()
                .build());

        // then
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void anotherCartesiaVersionIs400() {
        // when
        SandboxHttp.Reply reply = api.send(api.request(BATCHES)
                .setHeader("Cartesia-Version", "2024-11-13")
                .GET()
                .build());

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString())
                .isEqualTo("unsupported Cartesia-Version '2024-11-13'; this API serves 2026-03-01 and 2026-08-14");
    }

    @Test
    void missingCartesiaVersionIs400() {
        // when
        SandboxHttp.Reply reply = api.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + BATCHES))
                .header("Authorization", "Bearer sk_car_test")
                .GET()
                .build());

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString()).isEqualTo(
                "the Cartesia-Version header is required; this API serves 2026-03-01 and 2026-08-14");
    }

    @Test
    void dynamicVariablesUnderTheMetadataVersionIsAnUnknownField() {
        // when
        SandboxHttp.Reply reply = api.post(BATCHES, CreateRequests.withDynamicVariables());

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString())
                .isEqualTo("unknown field 'recipients[0].dynamic_variables'");
        assertThat(sandbox.batches()).isEmpty();
    }

    @Test
    void metadataUnderTheDynamicVariablesVersionIsAnUnknownField() {
        // given
        SandboxHttp laterVersion = new SandboxHttp(sandbox, SandboxHttp.DYNAMIC_VARIABLES_VERSION);

        // when
        SandboxHttp.Reply reply = laterVersion.post(BATCHES, CreateRequests.sample());

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString()).isEqualTo("unknown field 'recipients[0].metadata'");
        assertThat(sandbox.batches()).isEmpty();
    }

    @Test
    void theDynamicVariablesVersionHintsAtItsSnakeCaseName() {
        // given
        ObjectNode body = CreateRequests.withDynamicVariables();
        recipient(body).set("dynamicVariables", recipient(body).remove("dynamic_variables"));

        // when
        SandboxHttp.Reply reply = new SandboxHttp(sandbox, SandboxHttp.DYNAMIC_VARIABLES_VERSION).post(BATCHES, body);

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString())
                .isEqualTo("unknown field 'recipients[0].dynamicVariables' (did you mean 'dynamic_variables'?)");
    }

    @Test
    void bodyThatIsNotJsonIs415() {
        // when
        SandboxHttp.Reply reply = api.send(api.request(BATCHES)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(CreateRequests.sample().toString()))
                .build());

        // then
        assertThat(reply.status()).isEqualTo(415);
        assertThat(sandbox.batches()).isEmpty();
    }

    @Test
    void retryWithABodyIs400() {
        // given
        String id = api.create(CreateRequests.sample()).get("id").asString();

        // when
        SandboxHttp.Reply reply = api.send(postJson(BATCHES + "/" + id + "/retry", "{}"));

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString()).isEqualTo("this endpoint takes no request body");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertThat(api.get("/agents/batches").status()).isEqualTo(404);
        assertThat(api.get("/agents/calls/").status()).isEqualTo(404);
        assertThat(api.send(api.request(BATCHES + "/acb_1").DELETE().build()).status()).isEqualTo(405);
        assertThat(api.post("/agents/calls").status()).isEqualTo(405);
    }

    private HttpRequest postJson(String path, String json) {
        return api.request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static UnaryOperator<ObjectNode> edit(Consumer<ObjectNode> change) {
        return body -> {
            change.accept(body);
            return body;
        };
    }

    private static ObjectNode recipient(ObjectNode body) {
        return (ObjectNode) ((ArrayNode) body.get("recipients")).get(0);
    }
}
