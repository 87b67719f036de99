package io.bulkcall.sandbox;

import java.time.Duration;
import java.util.List;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static io.bulkcall.sandbox.SandboxHttp.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A test plans how the next dials of a number end, to exercise each outcome Cartesia reports; the
 * dials of other numbers end as the seed has them. Calls ring 10 s and last 60 s, on a clock that
 * moves only when told; unplanned, every call is answered.
 */
class PlannedOutcomesTest {

    private static final String NUMBER = CreateRequests.number(0);

    private final SimulatedClock clock = new SimulatedClock(SteppedSandbox.START);

    @AutoClose
    private SandboxServer sandbox = new SandboxServer(SteppedSandbox.SETTINGS, clock).start();

    private SandboxHttp api = new SandboxHttp(sandbox);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ANSWERED,               completed, agent_hangup,   true",
            "ANSWERED_CLIENT_HANGUP, completed, client_hangup,  true",
            "DIAL_NO_ANSWER,         failed,    dial_no_answer, false",
            "DIAL_BUSY,              failed,    dial_busy,      false",
            "DIAL_FAILED,            failed,    dial_failed,    false",
            "ERROR,                  failed,    error,          false" })
    void anOutcomeThatPlacesACallShowsOnTheRecipientAndOnItsCall(CallOutcome outcome, String status,
            String endReason, boolean started) {
        // given
        sandbox.planOutcomes(NUMBER, outcome);

        // when
        JsonNode recipient = finishedRecipients(1).get(0);

        // then
        assertThat(recipient.get("status").asString()).isEqualTo(status);
        assertThat(recipient.get("end_reason").asString()).isEqualTo(endReason);
        assertThat(recipient.has("error_message")).isFalse();
        JsonNode call = api.get(CALLS + "/" + recipient.get("agent_call_id").asString()).body();
        assertThat(call.get("status").asString()).isEqualTo(status);
        assertThat(call.get("end_reason").asString()).isEqualTo(endReason);
        assertThat(call.get("start_time").isNull()).isNotEqualTo(started);
    }

    @Test
    void failedBeforeDialingShowsAnErrorMessageAndNoCall() {
        // given
        sandbox.planOutcomes(NUMBER, CallOutcome.FAILED_BEFORE_DIALING);

        // when
        JsonNode recipient = finishedRecipients(1).get(0);

        // then
        assertThat(recipient.get("status").asString()).isEqualTo("failed");
        assertThat(recipient.get("error_message").asString()).isEqualTo("Number could not be reached");
        assertThat(recipient.has("agent_call_id")).isFalse();
        assertThat(recipient.has("end_reason")).isFalse();
    }

    @Test
    void plannedOutcomesComeInOrderOneADialThenTheDrawnOnes() {
        // given
        sandbox.planOutcomes(NUMBER, CallOutcome.DIAL_BUSY, CallOutcome.DIAL_NO_ANSWER);
        String id = api.create(CreateRequests.withRecipients("redialed", 1)).get("id").asString();

        // when
        List<String> endReasons = List.of(endReasonAfterTenMinutes(id), retried(id), retried(id));

        // then
        assertThat(endReasons).containsExactly("dial_busy", "dial_no_answer", "agent_hangup");
    }

    @Test
    void aPlanAddsToWhatIsPlannedForTheNumberAlready() {
        // given
        sandbox.planOutcomes(NUMBER, CallOutcome.DIAL_BUSY);
        sandbox.planOutcomes(NUMBER, CallOutcome.ERROR);
        String id = api.create(CreateRequests.withRecipients("redialed", 1)).get("id").asString();

        // when
        List<String> endReasons = List.of(endReasonAfterTenMinutes(id), retried(id));

        // then
        assertThat(endReasons).containsExactly("dial_busy", "error");
    }

    @Test
    void aPlanLeavesTheOtherNumbersToTheSeed() {
        // given two sandboxes of one seed, where one in two attempts fails, one with a plan
        SandboxSettings halfFail = SteppedSandbox.SETTINGS.with(settings -> settings.failureRate = 0.5);
        restart(halfFail);
        List<String> unplanned = finishedRecipients(12).stream().skip(1).map(PlannedOutcomesTest::outcome).toList();
        restart(halfFail);
        sandbox.planOutcomes(NUMBER, CallOutcome.ERROR);

        // when
        List<JsonNode> planned = finishedRecipients(12);

        // then
        assertThat(outcome(planned.get(0))).isEqualTo("error");
        assertThat(planned.stream().skip(1).map(PlannedOutcomesTest::outcome)).containsExactlyElementsOf(unplanned);
    }

    @Test
    void refusesANumberThatIsNotE164() {
        assertThatIllegalArgumentException().isThrownBy(() -> sandbox.planOutcomes("4155550000", CallOutcome.ERROR))
                .withMessageContaining("4155550000");
    }

    /** A batch of {@code count} recipients, {@link CreateRequests#number numbered} from 0, every call ended. */
    private List<JsonNode> finishedRecipients(int count) {
        String id = api.create(CreateRequests.withRecipients("planned", count)).get("id").asString();
        clock.advance(Duration.ofMinutes(30));
        return api.get(BATCHES + "/" + id).body().get("recipients").valueStream().toList();
    }

    private String endReasonAfterTenMinutes(String batchId) {
        clock.advance(Duration.ofMinutes(10));
        return api.get(BATCHES + "/" + batchId).body().at("/recipients/0/end_reason").asString();
    }

    private String retried(String batchId) {
        api.post(BATCHES + "/" + batchId + "/retry");
        return endReasonAfterTenMinutes(batchId);
    }

    private void restart(SandboxSettings settings) {
        sandbox.close();
        sandbox = new SandboxServer(settings, clock).start();
        api = new SandboxHttp(sandbox);
    }

    /** How a finished recipient's latest attempt ended: its end reason, or its error message. */
    private static String outcome(JsonNode recipient) {
        return recipient.has("end_reason") ? recipient.get("end_reason").asString()
                : recipient.get("error_message").asString();
    }
}
