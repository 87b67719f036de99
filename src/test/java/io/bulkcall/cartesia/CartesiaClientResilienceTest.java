package io.bulkcall.cartesia;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.test.util.TestSocketUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.bulkcall.cartesia.CartesiaTestClients.MAX_ATTEMPTS;
import static io.bulkcall.cartesia.CartesiaTestClients.MAX_BACKOFF;
import static io.bulkcall.cartesia.CartesiaTestClients.NOW;
import static io.bulkcall.cartesia.CartesiaTestClients.SHORT_RESPONSE_TIMEOUT;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Lost answers, late answers and refused connections: idempotent requests are repeated with the
 * waits the policy chose, Create and Retry only when they surely never reached Cartesia.
 */
class CartesiaClientResilienceTest {

    private static final String BATCH = "/agents/calls/batches/acb_1";

    private static final String BATCHES = "/agents/calls/batches";

    /** WireMock answers this late in the timeout tests: far beyond the client's short response timeout. */
    private static final int LATE_MILLIS = 2_500;

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    private final RecordingWaiter waiter = new RecordingWaiter(CartesiaTestClients.CLOCK);

    static Stream<Arguments> retryAfterAnswers() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3).atZone(ZoneOffset.UTC));
        return Stream.of(
                argumentSet("429, in seconds", aResponse().withStatus(429).withHeader("Retry-After", "2"),
                        Duration.ofSeconds(2)),
                argumentSet("503, as an HTTP date", aResponse().withStatus(503).withHeader("Retry-After", inThreeSeconds),
                        Duration.ofSeconds(3)));
    }

    @ParameterizedTest
    @MethodSource("retryAfterAnswers")
    void retryAfterIsWaitedBeforeTheNextAttempt(ResponseDefinitionBuilder throttled, Duration wait) {
        // given
        throttleOnceThenAnswer(throttled);
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter);

        // when
        client.getCallBatch("acb_1");

        // then
        cartesia.verify(2, getRequestedFor(urlEqualTo(BATCH)));
        assertThat(waiter.waits()).containsExactly(wait);
    }

    @Test
    void retryAfterLongerThanMaxBackoffIsCut() {
        // given
        throttleOnceThenAnswer(aResponse().withStatus(429).withHeader("Retry-After", "3600"));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter);

        // when
        client.getCallBatch("acb_1");

        // then
        assertThat(waiter.waits()).containsExactly(MAX_BACKOFF);
    }

    @Test
    void waitsGrowExponentiallyWithoutRetryAfter() {
        // given
        cartesia.stubFor(get(BATCH).willReturn(aResponse().withStatus(503)));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter);

        // when
        catchThrowable(() -> client.getCallBatch("acb_1"));

        // then: 100 ms, then 200 ms, each three quarters with the tests' fixed jitter
        assertThat(waiter.waits()).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void getIsRepeatedAfterAResponseTimeout() {
        // given
        cartesia.stubFor(get(BATCH).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson(fixture("cancel-response.json")).withFixedDelay(LATE_MILLIS))
                .willSetStateTo("fast"));
        cartesia.stubFor(get(BATCH).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(okJson(fixture("get-batch-response.json"))));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), SHORT_RESPONSE_TIMEOUT, waiter);

        // when
        CallBatch batch = client.getCallBatch("acb_1");

        // then
        assertThat(batch.status()).isEqualTo(CallBatchStatus.IN_PROGRESS);
        cartesia.verify(2, getRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void getThatNeverGetsAnAnswerFailsNamingTheHostAndAttempts() {
        // given
        cartesia.stubFor(get(BATCH).willReturn(okJson(fixture("get-batch-response.json")).withFixedDelay(LATE_MILLIS)));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), SHORT_RESPONSE_TIMEOUT, waiter);

        // when
        Throwable error = catchThrowable(() -> client.getCallBatch("acb_1"));

        // then
        assertThat(error).isExactlyInstanceOf(CartesiaException.class).hasMessage("Get Call Batch acb_1: no answer from "
                + "localhost:" + cartesia.getPort() + " after " + MAX_ATTEMPTS + " attempts (response timeout)");
        await().untilAsserted(() -> cartesia.verify(MAX_ATTEMPTS, getRequestedFor(urlEqualTo(BATCH))));
    }

    @Test
    void createThatTimesOutIsAnUnknownOutcomeAfterExactlyOneRequest() {
        // given
        cartesia.stubFor(post(BATCHES).willReturn(okJson(fixture("create-response.json")).withStatus(201)
                .withFixedDelay(LATE_MILLIS)));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), SHORT_RESPONSE_TIMEOUT, waiter);

        // when
        OutcomeUnknownException error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> client.createCallBatch(request()));

        // then
        assertThat(error.batchName()).isEqualTo("bulkcall-7-1");
        assertThat(error).hasMessage("Create Call Batch \"bulkcall-7-1\": outcome unknown (response timeout); "
                + "reconcile with List Call Batches before sending again");
        await().untilAsserted(() -> cartesia.verify(1, postRequestedFor(urlEqualTo(BATCHES))));
        assertThat(waiter.waits()).isEmpty();
    }

    @Test
    void retryThatTimesOutIsAnUnknownOutcomeAfterExactlyOneRequest() {
        // given
        cartesia.stubFor(post(BATCH + "/retry").willReturn(okJson(fixture("retry-response.json"))
                .withFixedDelay(LATE_MILLIS)));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), SHORT_RESPONSE_TIMEOUT, waiter);

        // when
        OutcomeUnknownException error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> client.retryCallBatch("acb_1"));

        // then
        assertThat(error.batchName()).isEqualTo("acb_1");
        assertThat(error).hasMessageContaining("check retry_count");
        await().untilAsserted(() -> cartesia.verify(1, postRequestedFor(urlEqualTo(BATCH + "/retry"))));
    }

    @Test
    void getIsRepeatedWhenTheBodyStallsHalfWay() {
        // given an answer whose headers come at once and whose body then stops for longer than the response timeout
        try (StallingServer server = new StallingServer(200, fixture("get-batch-response.json"),
                Duration.ofMillis(LATE_MILLIS))) {
            CartesiaClient client = CartesiaTestClients.client(server.baseUrl(), SHORT_RESPONSE_TIMEOUT, waiter);

            // when
            CallBatch batch = client.getCallBatch("acb_1");

            // then
            assertThat(batch.recipients()).hasSize(3);
            assertThat(server.requests()).isEqualTo(2);
            assertThat(waiter.waits()).hasSize(1);
        }
    }

    @Test
    void createWhoseBodyStallsHalfWayIsAnUnknownOutcomeAfterExactlyOneRequest() {
        // given
        try (StallingServer server = new StallingServer(201, fixture("create-response.json"),
                Duration.ofMillis(LATE_MILLIS))) {
            CartesiaClient client = CartesiaTestClients.client(server.baseUrl(), SHORT_RESPONSE_TIMEOUT, waiter);

            // when
            OutcomeUnknownException error = catchThrowableOfType(OutcomeUnknownException.class,
                    () -> client.createCallBatch(request()));

            // then
            assertThat(error).hasMessage("Create Call Batch \"bulkcall-7-1\": outcome unknown (response timeout); "
                    + "reconcile with List Call Batches before sending again");
            assertThat(server.requests()).isEqualTo(1);
            assertThat(waiter.waits()).isEmpty();
        }
    }

    @Test
    void getIsRepeatedAfterAConnectionReset() {
        // given
        cartesia.stubFor(get(BATCH).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("fine"));
        cartesia.stubFor(get(BATCH).inScenario("reset").whenScenarioStateIs("fine")
                .willReturn(okJson(fixture("get-batch-response.json"))));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter);

        // when
        CallBatch batch = client.getCallBatch("acb_1");

        // then
        assertThat(batch.recipients()).hasSize(3);
        cartesia.verify(2, getRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void createWhoseConnectionIsResetIsAnUnknownOutcomeAfterExactlyOneRequest() {
        // given
        cartesia.stubFor(post(BATCHES).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter);

        // when
        OutcomeUnknownException error = catchThrowableOfType(OutcomeUnknownException.class,
                () -> client.createCallBatch(request()));

        // then
        assertThat(error.batchName()).isEqualTo("bulkcall-7-1");
        assertThat(error).hasMessageStartingWith("Create Call Batch \"bulkcall-7-1\": outcome unknown (");
        cartesia.verify(1, postRequestedFor(urlEqualTo(BATCHES)));
    }

    @Test
    void createOnARefusedConnectionIsRepeatedThenFailsAsNotSent() throws IOException {
        // given
        String closedPort = "http://localhost:" + TestSocketUtils.findAvailableTcpPort();
        CartesiaClient client = CartesiaTestClients.client(closedPort, waiter);

        // when
        Throwable error = catchThrowable(() -> client.createCallBatch(request()));

        // then
        assertThat(error).isExactlyInstanceOf(CartesiaException.class)
                .hasMessageStartingWith("Create Call Batch \"bulkcall-7-1\": no answer from localhost:")
                .hasMessageContaining("after " + MAX_ATTEMPTS + " attempts (")
                .hasMessageContaining("refused");
        assertThat(waiter.waits()).hasSize(MAX_ATTEMPTS - 1);
    }

    private void throttleOnceThenAnswer(ResponseDefinitionBuilder refusal) {
        cartesia.stubFor(get(BATCH).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(refusal).willSetStateTo("free"));
        cartesia.stubFor(get(BATCH).inScenario("throttled").whenScenarioStateIs("free")
                .willReturn(okJson(fixture("get-batch-response.json"))));
    }


    private static CreateCallBatchRequest request() {
        return new CreateCallBatchRequest("bulkcall-7-1", "agent_1", "ap_1",
                List.of(new CallRecipient("+14155559876", null, null)), null, null, null, null);
    }
}
