package io.bulkcall.sandbox;

import java.time.Duration;
import java.util.function.Consumer;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static io.bulkcall.sandbox.SandboxHttp.CALLS;
import static io.bulkcall.sandbox.SandboxHttp.DYNAMIC_VARIABLES_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated agent opens every answered call, and its summary, with the welcome message,
 * filled from the recipient's dynamic variables as a managed agent fills its prompt; a variable
 * the recipient does not have stays as its placeholder. Every call answered, ringing 10 s and
 * lasting 60 s, on a clock that moves only when told.
 */
class WelcomeMessageTest {

    private final SimulatedClock clock = new SimulatedClock(SteppedSandbox.START);

    @AutoClose
    private SandboxServer sandbox = new SandboxServer(SteppedSandbox.SETTINGS, clock).start();

    private SandboxHttp api = new SandboxHttp(sandbox, DYNAMIC_VARIABLES_VERSION);

    @Test
    void theAgentGreetsThePersonByTheDynamicVariablesItWasSent() {
        // when
        JsonNode call = answeredCall(api, recipientWith(variables -> variables.put("first_name", "Ada")
                .put("appointment_date", "Thursday, March 5")));

        // then
        String welcome = "Hi Ada, this is a reminder of your appointment on Thursday, March 5.";
        assertThat(call.at("/transcript/0/role").asString()).isEqualTo("assistant");
        assertThat(call.at("/transcript/0/text").asString()).isEqualTo(welcome);
        assertThat(call.get("summary").asString()).startsWith(welcome + " The recipient ");
    }

    @Test
    void aVariableTheRecipientDoesNotHaveStaysAsItsPlaceholder() {
        // when
        JsonNode call = answeredCall(api, recipientWith(variables -> variables.put("first_name", "Ada")));

        // then
        assertThat(call.at("/transcript/0/text").asString())
                .isEqualTo("Hi Ada, this is a reminder of your appointment on {{appointment_date}}.");
    }

    @Test
    void metadataFillsNothing() {
        // given a recipient with the metadata first_name, under the version without dynamic variables
        SandboxHttp metadataVersion = new SandboxHttp(sandbox, SandboxHttp.METADATA_VERSION);

        // when
        JsonNode call = answeredCall(metadataVersion, CreateRequests.sample());

        // then
        assertThat(call.at("/transcript/0/text").asString())
                .isEqualTo("Hi {{first_name}}, this is a reminder of your appointment on {{appointment_date}}.");
    }

    @Test
    void numbersAndBooleansAreSaidAsJsonWritesThemAndSpacesInsideTheBracesAreAllowed() {
        // given
        restart(SteppedSandbox.SETTINGS.with(settings -> settings.welcomeMessage =
                "You have {{ visits }} visits, {{balance}} to pay, priority {{  vip}}; {{missing }} stays."));

        // when
        JsonNode call = answeredCall(api, recipientWith(variables -> variables.put("visits", 3).put("balance", 12.5)
                .put("vip", true)));

        // then
        assertThat(call.at("/transcript/0/text").asString())
                .isEqualTo("You have 3 visits, 12.5 to pay, priority true; {{missing }} stays.");
    }

    @Test
    void theScriptedTurnsFollowTheWelcome() {
        // when
        JsonNode call = answeredCall(api, recipientWith(variables -> variables.put("first_name", "Ada")));

        // then the agent speaks twice, then the callee
        assertThat(call.get("transcript").valueStream().map(turn -> turn.get("role").asString()))
                .startsWith("assistant", "assistant", "user");
    }

    /** One recipient with the dynamic variables {@code variables} puts. */
    private static ObjectNode recipientWith(Consumer<ObjectNode> variables) {
        ObjectNode request = CreateRequests.withRecipients("welcome", 1);
        variables.accept(((ObjectNode) request.at("/recipients/0")).putObject("dynamic_variables"));
        return request;
    }

    /** The call of the request's first recipient, answered and ended, as Get Call shows it. */
    private JsonNode answeredCall(SandboxHttp client, ObjectNode request) {
        String id = client.create(request).get("id").asString();
        clock.advance(Duration.ofMinutes(10));
        String callId = client.get(BATCHES + "/" + id).body().at("/recipients/0/agent_call_id").asString();
        return client.get(CALLS + "/" + callId).body();
    }

    private void restart(SandboxSettings settings) {
        sandbox.close();
        sandbox = new SandboxServer(settings, clock).start();
        api = new SandboxHttp(sandbox, DYNAMIC_VARIABLES_VERSION);
    }
}
