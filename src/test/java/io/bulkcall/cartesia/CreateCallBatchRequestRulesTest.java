package io.bulkcall.cartesia;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.bulkcall.config.CartesiaVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.bulkcall.cartesia.CartesiaTestClients.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The Create Call Batch reference's rules, each broken once, with the message an operator gets.
 */
class CreateCallBatchRequestRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.ofInstant(CartesiaTestClients.NOW, ZoneOffset.UTC);

    private final CreateCallBatchRequestRules rules = new CreateCallBatchRequestRules(CLOCK, CartesiaVersion.V2026_03_01,
            CartesiaWebClient.json());

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                arguments(request("", "agent_1", "ap_1", recipients(1), null, null, null, null),
                        "name=\"\" must not be blank"),
                arguments(request("b", null, "ap_1", recipients(1), null, null, null, null),
                        "agent_id=null must not be blank"),
                arguments(request("b", "agent_1", " ", recipients(1), null, null, null, null),
                        "from_number_id=\" \" must not be blank"),
                arguments(request("b", "agent_1", "ap_1", List.of(), null, null, null, null),
                        "recipients.size=0 must be 1 to 1000"),
                arguments(request("b", "agent_1", "ap_1", null, null, null, null, null),
                        "recipients.size=0 must be 1 to 1000"),
                arguments(request("b", "agent_1", "ap_1", recipients(1001), null, null, null, null),
                        "recipients.size=1001 must be 1 to 1000"),
                arguments(request("b", "agent_1", "ap_1", withNumberAt(3, "5551234"), null, null, null, null),
                        "recipients[3].to_number=5551234 must be E.164 (+ and up to 15 digits, the first not 0)"),
                arguments(request("b", "agent_1", "ap_1", withNumberAt(0, "+04155559876"), null, null, null, null),
                        "recipients[0].to_number=+04155559876 must be E.164"),
                arguments(request("b", "agent_1", "ap_1", withNumberAt(0, "+1234567890123456"), null, null, null, null),
                        "recipients[0].to_number=+1234567890123456 must be E.164"),
                arguments(request("b", "agent_1", "ap_1", withNumberAt(1, null), null, null, null, null),
                        "recipients[1].to_number=null must be E.164"),
                arguments(request("b", "agent_1", "ap_1", recipients(1), 0, null, null, null),
                        "target_concurrency_limit=0 must be at least 1"),
                arguments(request("b", "agent_1", "ap_1", recipients(1), null, 4, null, null),
                        "ringing_timeout_seconds=4 must be 5 to 80"),
                arguments(request("b", "agent_1", "ap_1", recipients(1), null, 81, null, null),
                        "ringing_timeout_seconds=81 must be 5 to 80"),
                arguments(request("b", "agent_1", "ap_1", recipients(1), null, null, 0, null),
                        "max_call_duration_minutes=0 must be 1 to 480"),
                arguments(request("b", "agent_1", "ap_1", recipients(1), null, null, 481, null),
                        "max_call_duration_minutes=481 must be 1 to 480"),
                arguments(request("b", "agent_1", "ap_1", recipients(1), null, null, null, NOW),
                        "scheduled_at=2026-03-01T12:00Z must be in the future"),
                arguments(request("b", "agent_1", "ap_1", recipients(1), null, null, null, NOW.plusDays(30).plusSeconds(1)),
                        "scheduled_at=2026-03-31T12:00:01Z must be within 30 days"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenRules")
    void brokenRuleIsNamedWithItsValue(CreateCallBatchRequest request, String expected) {
        assertThatExceptionOfType(InvalidCallBatchRequestException.class).isThrownBy(() -> rules.check(request))
                .withMessageStartingWith("invalid call batch request: " + expected);
    }

    @Test
    void requestAtEveryLimitPasses() {
        // given
        CreateCallBatchRequest request = request("b", "agent_1", "ap_1", recipients(1000), 1, 80, 480,
                NOW.plusDays(30));

        // when / then
        assertThatNoException().isThrownBy(() -> rules.check(request));
    }

    @Test
    void requestAtTheOtherLimitsPasses() {
        // given
        CreateCallBatchRequest request = request("b", "agent_1", "ap_1", withNumberAt(0, "+12"), 60, 5, 1,
                NOW.plusSeconds(1));

        // when / then
        assertThatNoException().isThrownBy(() -> rules.check(request));
    }

    @Test
    void aRecipientCarriesOnlyTheFieldItsVersionDocuments() {
        CreateCallBatchRequestRules later = new CreateCallBatchRequestRules(CLOCK, CartesiaVersion.V2026_08_14,
                CartesiaWebClient.json());
        assertThatExceptionOfType(InvalidCallBatchRequestException.class)
            .isThrownBy(() -> rules.check(withRecipient(new CallRecipient("+14155559876", null, Map.of("a", "1")))))
            .withMessage("invalid call batch request: recipients[0] carries dynamic_variables, which Cartesia-Version 2026-03-01 does not document");
        assertThatExceptionOfType(InvalidCallBatchRequestException.class)
            .isThrownBy(() -> later.check(withRecipient(new CallRecipient("+14155559876", Map.of("a", "1"), null))))
            .withMessage("invalid call batch request: recipients[0] carries metadata, which Cartesia-Version 2026-08-14 does not document");
    }

    static Stream<Arguments> brokenVariables() {
        Map<String, String> tooMany = new LinkedHashMap<>();
        IntStream.range(0, 65).forEach(i -> tooMany.put("v" + i, "x"));
        return Stream.of(
                arguments(Map.of("first name", "Ada"), "recipients[0].dynamic_variables.first name is not a name Cartesia takes"),
                arguments(Map.of("system__caller", "Ada"), "recipients[0].dynamic_variables.system__caller is not a name Cartesia takes"),
                arguments(Map.of("a".repeat(65), "Ada"), "recipients[0].dynamic_variables." + "a".repeat(65) + " is not a name"),
                arguments(tooMany, "recipients[0].dynamic_variables has 65 entries; at most 64"),
                arguments(Map.of("note", "x".repeat(16_385 - 11)), "recipients[0].dynamic_variables takes 16385 bytes of JSON; at most 16384"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenVariables")
    void aBrokenVariableIsNamedWithoutItsValue(Map<String, String> variables, String expected) {
        // given
        CreateCallBatchRequestRules later = new CreateCallBatchRequestRules(CLOCK, CartesiaVersion.V2026_08_14,
                CartesiaWebClient.json());

        // then
        InvalidCallBatchRequestException refused = catchThrowableOfType(InvalidCallBatchRequestException.class,
                () -> later.check(withRecipient(new CallRecipient("+14155559876", null, variables))));
        assertThat(refused).hasMessageStartingWith("invalid call batch request: " + expected)
            .hasMessageNotContaining("Ada");
        assertThat(refused.refusedRecipient()).map(RefusedRecipient::index).contains(0);
    }

    @Test
    void variablesAtEveryLimitPass() {
        // given 64 variables of 64-character names, 16,384 bytes in all
        Map<String, String> variables = new LinkedHashMap<>();
        IntStream.range(0, 64).forEach(i -> variables.put("v%063d".formatted(i), ""));
        int bytes = CartesiaWebClient.json().writeValueAsBytes(variables).length;
        variables.put("v%063d".formatted(63), "x".repeat(16_384 - bytes));
        CreateCallBatchRequestRules later = new CreateCallBatchRequestRules(CLOCK, CartesiaVersion.V2026_08_14,
                CartesiaWebClient.json());

        // when / then
        assertThatNoException().isThrownBy(() -> later.check(withRecipient(new CallRecipient("+14155559876", null, variables))));
    }

    private static CreateCallBatchRequest withRecipient(CallRecipient recipient) {
        return request("b", "agent_1", "ap_1", List.of(recipient), null, null, null, null);
    }

    private static CreateCallBatchRequest request(String name, String agentId, String fromNumberId,
            List<CallRecipient> recipients, Integer concurrency, Integer ringing, Integer duration,
            OffsetDateTime scheduledAt) {
        return new CreateCallBatchRequest(name, agentId, fromNumberId, recipients, concurrency, ringing, duration,
                scheduledAt);
    }

    private static List<CallRecipient> recipients(int count) {
        return Collections.nCopies(count, new CallRecipient("+14155559876", null, null));
    }

    private static List<CallRecipient> withNumberAt(int index, String number) {
        List<CallRecipient> recipients = new ArrayList<>(recipients(index + 2));
        recipients.set(index, new CallRecipient(number, null, null));
        return recipients;
    }
}
