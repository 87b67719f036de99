package io.bulkcall.cartesia;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.bulkcall.config.ApiKey;
import io.bulkcall.config.InvalidSettingException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.bulkcall.cartesia.CartesiaTestClients.API_KEY;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Named.named;

/**
 * The API key is read when a request is about to be sent, not when the client is built: a client
 * without a key can be built (for commands that dial nobody), and refuses to send anything until
 * there is a well-formed key, with a message that names the variable and never the key.
 */
class CartesiaClientApiKeyTest {

    private static final String NOT_SET = "CARTESIA_API_KEY is not set: export your Cartesia API key, or run with "
            + "--spring.profiles.active=sandbox";

    private static final String MALFORMED = "CARTESIA_API_KEY holds a space, line break or non-ASCII character; "
            + "set it to the key alone, as Cartesia shows it";

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    private final AtomicReference<ApiKey> key = new AtomicReference<>();

    private final CartesiaClient client = CartesiaTestClients.client(new CartesiaConnectionDetails() {

        @Override
        public String baseUrl() {
            return cartesia.baseUrl();
        }

        @Override
        public ApiKey apiKey() {
            return key.get();
        }
    }, new RecordingWaiter(CartesiaTestClients.CLOCK));

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void noKeyStopsEveryOperationBeforeAnythingIsSent(String value) {
        // given
        key.set(value == null ? null : new ApiKey(value));

        // when / then
        operations().forEach(operation -> assertThatExceptionOfType(InvalidSettingException.class)
                .isThrownBy(() -> operation.getPayload().accept(client))
                .withMessage(NOT_SET));
        cartesia.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastedKeys")
    void aKeyWithACharacterNoKeyHasStopsEveryOperationNamingTheVariableNotTheKey(String value) {
        // given
        key.set(new ApiKey(value));

        // when / then
        operations().forEach(operation -> assertThatExceptionOfType(InvalidSettingException.class)
                .isThrownBy(() -> operation.getPayload().accept(client))
                .withMessage(MALFORMED)
                .satisfies(error -> assertThat(error.toString()).doesNotContain(API_KEY.substring(8))));
        cartesia.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theKeyIsReadWhenTheRequestIsSent() {
        // given a client built before the key was there
        cartesia.stubFor(get("/agents/calls/batches/acb_1").willReturn(okJson(fixture("get-batch-response.json"))));
        assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> client.getCallBatch("acb_1"));

        // when
        key.set(new ApiKey(API_KEY));
        client.getCallBatch("acb_1");

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/batches/acb_1"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    static Stream<Named<String>> pastedKeys() {
        String head = API_KEY.substring(0, 8);
        String tail = API_KEY.substring(8);
        return Stream.of(named("a line break inside", head + "\n" + tail), named("a space inside", head + " " + tail),
                named("a tab inside", head + "\t" + tail), named("an ellipsis after", API_KEY + "\u2026"));
    }

    private static List<Named<Consumer<CartesiaClient>>> operations() {
        CreateCallBatchRequest create = new CreateCallBatchRequest("bulkcall-7-1", "agent_1", "ap_1",
                List.of(new CallRecipient("+14155559876", null, null)), null, null, null, null);
        return List.of(
                named("Create Call Batch", client -> client.createCallBatch(create)),
                named("Get Call Batch", client -> client.getCallBatch("acb_1")),
                named("List Call Batches", client -> client.listCallBatches("agent_1", null, 100)),
                named("every page of List Call Batches", client -> client.listAllCallBatches("agent_1").toList()),
                named("Retry Call Batch", client -> client.retryCallBatch("acb_1")),
                named("Cancel Call Batch", client -> client.cancelCallBatch("acb_1")),
                named("Get Call", client -> client.getCall("ac_1")),
                named("List Calls", client -> client.listCalls("agent_1", "acb_1", null, 100, true)),
                named("every page of List Calls", client -> client.listAllCalls("agent_1", "acb_1", false).toList()));
    }
}
