package io.bulkcall.sandbox;

import java.util.function.Consumer;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static io.bulkcall.sandbox.SandboxHttp.DYNAMIC_VARIABLES_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under {@code Cartesia-Version} 2026-08-14 a recipient's {@code dynamic_variables} follow
 * Cartesia's rules to the limit: 64 variables, names of 64 characters, 16 KiB of JSON. A recipient
 * that breaks one fails the whole request with a 400 naming it as {@code recipients[i]}, and the
 * variable as {@code recipients[i].dynamic_variables.<name>}, in a shape a client reads back;
 * nothing is created. The breaking recipient here is the second of three.
 */
class DynamicVariablesTest {

    /** 16,384 bytes of compact JSON: {@code {"note":"…"}} takes 11 bytes around the value. */
    private static final int VALUE_BYTES_AT_THE_LIMIT = CreateCallBatchParser.MAX_VARIABLES_BYTES - 11;

    private static final String SECOND = "field 'recipients[1].dynamic_variables";

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults(),
            new SimulatedClock(SteppedSandbox.START)).start();

    private final SandboxHttp api = new SandboxHttp(sandbox, DYNAMIC_VARIABLES_VERSION);

    @Test
    void acceptsStringNumberAndBooleanValues() {
        // given
        ObjectNode request = secondRecipientWith(variables -> variables.put("first_name", "Grace")
                .put("visits", 3).put("balance", 12.5).put("vip", true));

        // when
        SandboxHttp.Reply reply = api.post(BATCHES, request);

        // then
        assertThat(reply.status()).isEqualTo(201);
        assertThat(sandbox.batches().get(0).recipients().get(1).dynamicVariables())
                .containsEntry("first_name", "Grace").containsEntry("visits", 3).containsEntry("balance", 12.5)
                .containsEntry("vip", true);
    }

    @Test
    void acceptsSixtyFourVariables() {
        assertThat(api.post(BATCHES, secondRecipientWith(variables -> addVariables(variables, 64))).status())
                .isEqualTo(201);
    }

    @Test
    void refusesSixtyFiveVariables() {
        assertRefused(secondRecipientWith(variables -> addVariables(variables, 65)),
                SECOND + "' must have at most 64 variables, got 65");
    }

    @Test
    void acceptsANameOfSixtyFourCharacters() {
        assertThat(api.post(BATCHES, secondRecipientWith(variables -> variables.put("n".repeat(64), "x"))).status())
                .isEqualTo(201);
    }

    @Test
    void refusesANameOfSixtyFiveCharacters() {
        String name = "n".repeat(65);
        assertRefused(secondRecipientWith(variables -> variables.put(name, "x")),
                SECOND + "." + name + "' has a name of 65 characters; at most 64 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1st_visit", "first-name", "first name", "prénom", "" })
    void refusesANameThatIsNotAsciiLettersDigitsAndUnderscoreStartingWithALetterOrUnderscore(String name) {
        assertRefused(secondRecipientWith(variables -> variables.put(name, "x")), SECOND + "." + name
                + "' has a name that is not ASCII letters, digits and _ starting with a letter or _");
    }

    @Test
    void acceptsANameStartingWithAnUnderscore() {
        assertThat(api.post(BATCHES, secondRecipientWith(variables -> variables.put("_1", "x"))).status())
                .isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource({ "system__time, system__", "secret__key, secret__", "System__Time, system__", "SECRET__X, secret__" })
    void refusesAReservedPrefixInAnyCase(String name, String prefix) {
        assertRefused(secondRecipientWith(variables -> variables.put(name, "x")),
                SECOND + "." + name + "' has a reserved name: names starting with '" + prefix + "' are Cartesia's");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{\"city\": \"Paris\"} | object", "[\"vip\"] | array", "null | null" })
    void refusesAValueThatIsNotAStringANumberOrABoolean(String value, String kind) {
        assertRefused(secondRecipientWith(variables -> variables.set("v", SandboxHttp.JSON.readTree(value))),
                SECOND + ".v' must be a string, number or boolean, got " + kind);
    }

    @Test
    void acceptsExactlySixteenKibibytesOfJsonCountedInUtf8Bytes() {
        // given two bytes for each 'é'
        ObjectNode request = secondRecipientWith(variables -> variables.put("note", utf8(VALUE_BYTES_AT_THE_LIMIT)));

        // when
        SandboxHttp.Reply reply = api.post(BATCHES, request);

        // then
        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void refusesOneByteMoreThanSixteenKibibytes() {
        assertRefused(secondRecipientWith(variables -> variables.put("note", utf8(VALUE_BYTES_AT_THE_LIMIT + 1))),
                SECOND + "' must take at most 16384 bytes (16 KiB) of JSON, got 16385");
    }

    @Test
    void refusesDynamicVariablesThatAreNotAnObject() {
        // given
        ObjectNode request = CreateRequests.withRecipients("three", 3);
        ((ObjectNode) request.get("recipients").get(1)).put("dynamic_variables", "Ada");

        // when, then
        assertRefused(request, SECOND + "' must be an object");
    }

    @Test
    void refusesNullDynamicVariables() {
        // given
        ObjectNode request = CreateRequests.withRecipients("three", 3);
        ((ObjectNode) request.get("recipients").get(1)).putNull("dynamic_variables");

        // when, then
        assertRefused(request, SECOND + "' must not be null; leave it out instead");
    }

    @Test
    void namesTheFirstRecipientThatBreaksARule() {
        // given the second and the third recipient break one
        ObjectNode request = CreateRequests.withRecipients("three", 3);
        ((ObjectNode) request.get("recipients").get(1)).putObject("dynamic_variables").put("system__x", "x");
        ((ObjectNode) request.get("recipients").get(2)).putObject("dynamic_variables").putNull("a");

        // when
        SandboxHttp.Reply reply = api.post(BATCHES, request);

        // then
        assertThat(reply.body().get("message").asString()).startsWith(SECOND + ".system__x'");
    }

    /** Create answers 400 with this message and creates nothing. */
    private void assertRefused(ObjectNode request, String message) {
        SandboxHttp.Reply reply = api.post(BATCHES, request);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("message").asString()).isEqualTo(message);
        assertThat(sandbox.batches()).isEmpty();
    }

    /** Three recipients; the second with the {@code dynamic_variables} that {@code variables} makes. */
    private static ObjectNode secondRecipientWith(Consumer<ObjectNode> variables) {
        ObjectNode request = CreateRequests.withRecipients("three", 3);
        variables.accept(((ObjectNode) request.get("recipients").get(1)).putObject("dynamic_variables"));
        return request;
    }

    private static void addVariables(ObjectNode variables, int count) {
        for (int i = 0; i < count; i++) {
            variables.put("v" + i, i);
        }
    }

    /** A string of {@code bytes} bytes in UTF-8, most of them two-byte letters. */
    private static String utf8(int bytes) {
        return "é".repeat(bytes / 2) + "a".repeat(bytes % 2);
    }
}
