package io.bulkcall.sandbox;

import java.time.Duration;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static io.bulkcall.sandbox.SandboxHttp.CALLS;
import static io.bulkcall.sandbox.SandboxHttp.DYNAMIC_VARIABLES_VERSION;
import static io.bulkcall.sandbox.SandboxHttp.METADATA_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Cartesia-Version} of each request decides the shape of its answer: 2026-03-01 shows a
 * recipient's and a call's {@code metadata}, 2026-08-14 no metadata and a call's
 * {@code dynamic_variables} in its place, whichever version the batch was created under. Every
 * call answered, ringing 10 s and lasting 60 s, on a clock that moves only when told.
 */
class ApiVersionsTest {

    private final SimulatedClock clock = new SimulatedClock(SteppedSandbox.START);

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(SteppedSandbox.SETTINGS, clock).start();

    private final SandboxHttp metadataVersion = new SandboxHttp(sandbox, METADATA_VERSION);

    private final SandboxHttp dynamicVariablesVersion = new SandboxHttp(sandbox, DYNAMIC_VARIABLES_VERSION);

    @Test
    void getCallBatchUnderTheDynamicVariablesVersionShowsNoMetadata() {
        // given
        String id = metadataVersion.create(CreateRequests.sample()).get("id").asString();

        // when
        JsonNode recipient = dynamicVariablesVersion.get(BATCHES + "/" + id).body().get("recipients").get(0);

        // then
        assertThat(recipient.has("metadata")).isFalse();
        assertThat(recipient.has("dynamic_variables")).isFalse();
        assertThat(recipient.get("to_number").asString()).isEqualTo("+14155559876");
    }

    @Test
    void getCallBatchUnderTheMetadataVersionShowsTheMetadataAsBefore() {
        // given
        String id = metadataVersion.create(CreateRequests.sample()).get("id").asString();

        // when
        JsonNode recipient = metadataVersion.get(BATCHES + "/" + id).body().get("recipients").get(0);

        // then
        assertThat(recipient.get("metadata")).isEqualTo(CreateRequests.sample().at("/recipients/0/metadata"));
    }

    @Test
    void getCallUnderTheDynamicVariablesVersionShowsTheCallsDynamicVariablesInPlaceOfMetadata() {
        // when
        JsonNode call = answeredCall(dynamicVariablesVersion, CreateRequests.withDynamicVariables(),
                dynamicVariablesVersion);

        // then
        assertThat(call.get("dynamic_variables"))
                .isEqualTo(CreateRequests.withDynamicVariables().at("/recipients/0/dynamic_variables"));
        assertThat(call.has("metadata")).isFalse();
    }

    @Test
    void getCallUnderTheMetadataVersionShowsNoDynamicVariables() {
        // when
        JsonNode call = answeredCall(dynamicVariablesVersion, CreateRequests.withDynamicVariables(), metadataVersion);

        // then
        assertThat(call.get("metadata").isNull()).isTrue();
        assertThat(call.has("dynamic_variables")).isFalse();
    }

    @Test
    void aCallOfABatchCreatedWithMetadataHasNoDynamicVariables() {
        // when
        JsonNode call = answeredCall(metadataVersion, CreateRequests.sample(), dynamicVariablesVersion);

        // then
        assertThat(call.get("dynamic_variables").isNull()).isTrue();
        assertThat(call.has("metadata")).isFalse();
    }

    @Test
    void listCallsUnderTheDynamicVariablesVersionShowsEachCallsDynamicVariables() {
        // given
        String id = dynamicVariablesVersion.create(CreateRequests.withDynamicVariables()).get("id").asString();
        clock.advance(Duration.ofMinutes(10));

        // when
        JsonNode calls = dynamicVariablesVersion.get(CALLS + "?batch_id=" + id).body().get("data");

        // then
        assertThat(calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.get("dynamic_variables").has("customer_id")).isTrue();
            assertThat(call.has("metadata")).isFalse();
        });
    }

    @Test
    void createUnderTheDynamicVariablesVersionAnswersWithTheSameBatchShape() {
        // when
        JsonNode batch = dynamicVariablesVersion.create(CreateRequests.withDynamicVariables());

        // then
        assertThat(batch.get("status").asString()).isEqualTo("pending");
        assertThat(batch.get("total_calls_scheduled").asInt()).isEqualTo(2);
        assertThat(batch.has("recipients")).isFalse();
    }

    /**
     * The call of the first recipient of a batch {@code creator} created from {@code request},
     * answered and ended, as Get Call under {@code reader}'s version shows it.
     */
    private JsonNode answeredCall(SandboxHttp creator, JsonNode request, SandboxHttp reader) {
        String id = creator.create(request).get("id").asString();
        clock.advance(Duration.ofMinutes(10));
        String callId = reader.get(BATCHES + "/" + id).body().at("/recipients/0/agent_call_id").asString();
        return reader.get(CALLS + "/" + callId).body();
    }
}
