package io.bulkcall.cartesia;

import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.bulkcall.cartesia.CartesiaTestClients.API_KEY;
import static io.bulkcall.cartesia.CartesiaTestClients.MAX_ATTEMPTS;
import static io.bulkcall.cartesia.CartesiaTestClients.errorBody;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the client does with each error status Cartesia may answer: the documented error body read
 * into the exception, a readable message without one, and how many attempts each kind of
 * operation makes.
 */
class CartesiaClientErrorsTest {

    private static final String BATCH = "/agents/calls/batches/acb_1";

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    private final RecordingWaiter waiter = new RecordingWaiter(CartesiaTestClients.CLOCK);

    private final CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter);

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 402, 404 })
    void clientErrorOfGetFailsAtOnceWithTheErrorBodyRead(int status) {
        // given
        cartesia.stubFor(get(BATCH).willReturn(errorBody(status, "not_found", "Batch not found",
                "No batch acb_1 in this workspace")));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class, () -> client.getCallBatch("acb_1"));

        // then
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.errorCode()).isEqualTo("not_found");
        assertThat(error.title()).isEqualTo("Batch not found");
        assertThat(error.apiMessage()).isEqualTo("No batch acb_1 in this workspace");
        assertThat(error.requestId()).isEqualTo("7c1e0a6e-3f5b-4d2a-9b8e-2f4c6d8e0a1b");
        assertThat(error).hasMessageStartingWith("Get Call Batch acb_1 failed: Cartesia answered " + status
                + " Batch not found: No batch acb_1 in this workspace (error_code not_found, request_id "
                + "7c1e0a6e-3f5b-4d2a-9b8e-2f4c6d8e0a1b)");
        cartesia.verify(1, getRequestedFor(urlEqualTo(BATCH)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 402, 404 })
    void clientErrorOfCreateFailsAtOnce(int status) {
        // given
        cartesia.stubFor(post("/agents/calls/batches").willReturn(errorBody(status, "invalid_request",
                "Invalid request", "to_number is not E.164")));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class, () -> client.createCallBatch(request()));

        // then
        assertThat(error.status()).isEqualTo(status);
        assertThat(error).hasMessageStartingWith("Create Call Batch \"bulkcall-7-1\" failed: Cartesia answered " + status);
        cartesia.verify(1, postRequestedFor(urlEqualTo("/agents/calls/batches")));
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 403 })
    void authenticationErrorSaysToCheckTheKey(int status) {
        // given
        cartesia.stubFor(get(BATCH).willReturn(errorBody(status, null, "Unauthorized", "Invalid API key")));

        // when / then
        assertThatExceptionOfType(CartesiaApiException.class).isThrownBy(() -> client.getCallBatch("acb_1"))
                .withMessageEndingWith("; check CARTESIA_API_KEY");
    }

    @ParameterizedTest
    @ValueSource(ints = { 429, 500, 503 })
    void idempotentRequestIsRepeatedUpToMaxAttemptsThenGivesTheLastAnswer(int status) {
        // given
        cartesia.stubFor(get(BATCH).willReturn(errorBody(status, "concurrency_limited", "Too many concurrent requests",
                "Slow down")));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class, () -> client.getCallBatch("acb_1"));

        // then
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.errorCode()).isEqualTo("concurrency_limited");
        cartesia.verify(MAX_ATTEMPTS, getRequestedFor(urlEqualTo(BATCH)));
        assertThat(waiter.waits()).hasSize(MAX_ATTEMPTS - 1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503 })
    void cancelIsRepeatedOnServerErrorUntilItSucceeds(int status) {
        // given
        cartesia.stubFor(post(BATCH + "/cancel").inScenario("cancel").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(status)).willSetStateTo("recovered"));
        cartesia.stubFor(post(BATCH + "/cancel").inScenario("cancel").whenScenarioStateIs("recovered")
                .willReturn(okJson(fixture("cancel-response.json"))));

        // when
        CallBatch batch = client.cancelCallBatch("acb_1");

        // then
        assertThat(batch.status()).isEqualTo(CallBatchStatus.CANCELLED);
        cartesia.verify(2, postRequestedFor(urlEqualTo(BATCH + "/cancel")));
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503 })
    void serverErrorOfCreateIsAnUnknownOutcomeAfterOneRequest(int status) {
        // given
        cartesia.stubFor(post("/agents/calls/batches").willReturn(errorBody(status, null, "Internal error", "Try later")));

        // when
        OutcomeUnknownException error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> client.createCallBatch(request()));

        // then
        assertThat(error.batchName()).isEqualTo("bulkcall-7-1");
        assertThat(error).hasMessage("Create Call Batch \"bulkcall-7-1\": outcome unknown (Cartesia answered " + status
                + " Internal error); reconcile with List Call Batches before sending again");
        assertThat(error.getCause()).isInstanceOfSatisfying(CartesiaApiException.class,
                answer -> assertThat(answer.status()).isEqualTo(status));
        cartesia.verify(1, postRequestedFor(urlEqualTo("/agents/calls/batches")));
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503 })
    void serverErrorOfRetryIsAnUnknownOutcomeNamingTheBatch(int status) {
        // given
        cartesia.stubFor(post(BATCH + "/retry").willReturn(aResponse().withStatus(status)));

        // when
        OutcomeUnknownException error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> client.retryCallBatch("acb_1"));

        // then
        assertThat(error.batchName()).isEqualTo("acb_1");
        assertThat(error).hasMessageStartingWith("Retry Call Batch acb_1: outcome unknown (Cartesia answered " + status)
                .hasMessageEndingWith("check retry_count with Get Call Batch before sending again");
        cartesia.verify(1, postRequestedFor(urlEqualTo(BATCH + "/retry")));
    }

    @Test
    void throttledCreateIsSentAgainAndSucceeds() {
        // given
        cartesia.stubFor(post("/agents/calls/batches").inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(errorBody(429, "concurrency_limited", "Too many concurrent requests", "Slow down"))
                .willSetStateTo("free"));
        cartesia.stubFor(post("/agents/calls/batches").inScenario("throttled").whenScenarioStateIs("free")
                .willReturn(okJson(fixture("create-response.json")).withStatus(201)));

        // when
        CallBatch batch = client.createCallBatch(request());

        // then
        assertThat(batch.id()).isEqualTo("acb_PDWFN995PzAudChwFDqVZ2");
        cartesia.verify(2, postRequestedFor(urlEqualTo("/agents/calls/batches")));
    }

    @Test
    void createThrottledUntilMaxAttemptsGivesTheLastAnswerNotAnUnknownOutcome() {
        // given
        cartesia.stubFor(post("/agents/calls/batches")
                .willReturn(errorBody(429, "concurrency_limited", "Too many concurrent requests", "Slow down")));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class, () -> client.createCallBatch(request()));

        // then
        assertThat(error).isNotInstanceOf(OutcomeUnknownException.class);
        assertThat(error.status()).isEqualTo(429);
        cartesia.verify(MAX_ATTEMPTS, postRequestedFor(urlEqualTo("/agents/calls/batches")));
    }

    @Test
    void plainTextErrorBodyBecomesTheMessage() {
        // given
        cartesia.stubFor(get(BATCH).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/plain")
                .withBody("batch not found\n")));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class, () -> client.getCallBatch("acb_1"));

        // then
        assertThat(error).hasMessage("Get Call Batch acb_1 failed: Cartesia answered 404 Not Found: batch not found");
        assertThat(error.errorCode()).isNull();
    }

    @Test
    void emptyErrorBodyStillNamesTheStatus() {
        // given
        cartesia.stubFor(get(BATCH).willReturn(aResponse().withStatus(404)));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class, () -> client.getCallBatch("acb_1"));

        // then
        assertThat(error).hasMessage("Get Call Batch acb_1 failed: Cartesia answered 404 Not Found");
    }

    @Test
    void htmlErrorPageIsShortenedToOneLine() {
        // given
        String page = "<html>\n<body>\n<h1>502 Bad Gateway</h1>\n" + "<p>upstream</p>\n".repeat(100) + "</body></html>";
        cartesia.stubFor(get(BATCH).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/html")
                .withBody(page)));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class, () -> client.getCallBatch("acb_1"));

        // then
        assertThat(error.getMessage()).doesNotContain("\n").hasSizeLessThan(450)
                .startsWith("Get Call Batch acb_1 failed: Cartesia answered 400 Bad Request: <html> <body> <h1>502");
    }

    @Test
    void apiKeyAppearsInNoExceptionEvenWhenTheServerEchoesIt() {
        // given an error page that quotes the request's headers
        cartesia.stubFor(get(BATCH).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\": \"unauthorized\", \"title\": \"Unauthorized\", "
                        + "\"message\": \"Key Bearer " + API_KEY + " is revoked\", \"request_id\": \"r1\"}")));
        cartesia.stubFor(post(BATCH + "/retry").willReturn(aResponse().withStatus(503)
                .withBody("upstream said: Authorization: Bearer " + API_KEY)));
        cartesia.stubFor(post("/agents/calls/batches").willReturn(aResponse().withStatus(400)
                .withBody("bad key " + API_KEY)));

        // when
        List<Throwable> errors = List.of(
                catchThrowableOfType(CartesiaException.class, () -> client.getCallBatch("acb_1")),
                catchThrowableOfType(CartesiaException.class, () -> client.retryCallBatch("acb_1")),
                catchThrowableOfType(CartesiaException.class, () -> client.createCallBatch(request())));

        // then
        assertThat(errors).allSatisfy(noKeyAnywhere());
        assertThat(client.toString()).doesNotContain(API_KEY);
    }

    private static Consumer<Throwable> noKeyAnywhere() {
        return error -> {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertThat(t.getMessage()).isNotNull().doesNotContain(API_KEY);
                assertThat(t.toString()).doesNotContain(API_KEY);
                messages.append(t.getMessage());
            }
            assertThat(messages).contains("(hidden)");
        };
    }

    private static CreateCallBatchRequest request() {
        return new CreateCallBatchRequest("bulkcall-7-1", "agent_1", "ap_1",
                List.of(new CallRecipient("+14155559876", null, null)), null, null, null, null);
    }
}
