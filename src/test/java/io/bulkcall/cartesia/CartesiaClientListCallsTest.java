package io.bulkcall.cartesia;

import java.time.OffsetDateTime;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.bulkcall.cartesia.CartesiaTestClients.API_KEY;
import static io.bulkcall.cartesia.CartesiaTestClients.MAX_ATTEMPTS;
import static io.bulkcall.cartesia.CartesiaTestClients.VERSION;
import static io.bulkcall.cartesia.CartesiaTestClients.errorBody;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * List Calls against WireMock: the exact request (transcripts asked for only when wanted), paging
 * with and without {@code next_page}, every documented field of a call read back, fields and
 * values the client does not know tolerated, and what each error status does.
 */
class CartesiaClientListCallsTest {

    private static final String CALLS = "/agents/calls";

    private static final String FIRST_PAGE = CALLS + "?agent_id=agent_1&batch_id=acb_1&limit=100";

    private static final String SECOND_PAGE = CALLS + "?agent_id=agent_1&batch_id=acb_1&starting_after=ac_4&limit=100";

    private static final String THIRD_PAGE = CALLS + "?agent_id=agent_1&batch_id=acb_1&starting_after=ac_2&limit=100";

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    private final RecordingWaiter waiter = new RecordingWaiter(CartesiaTestClients.CLOCK);

    private final CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter);

    @Test
    void listCallsSendsAgentBatchCursorAndLimitAndNoExpand() {
        // given
        cartesia.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(fixture("list-calls-page-2.json"))));

        // when
        CallPage page = client.listCalls("agent_1", "acb_1", "ac_4", 2, false);

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo(CALLS + "?agent_id=agent_1&batch_id=acb_1&starting_after=ac_4&limit=2"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Cartesia-Version", equalTo(VERSION))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", absent())
                .withQueryParam("expand", absent()));
        assertThat(page.data()).extracting(AgentCall::id).containsExactly("ac_3", "ac_2");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.nextPage()).isEqualTo("ac_2");
    }

    @Test
    void listCallsAsksForTranscriptsWhenTold() {
        // given
        cartesia.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(fixture("list-calls-with-transcripts.json"))));

        // when
        client.listCalls("agent_1", "acb_1", null, 100, true);

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo(FIRST_PAGE + "&expand=transcript")));
    }

    @Test
    void listCallsOfABatchAloneLeavesTheAgentOut() {
        // given
        cartesia.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(fixture("list-calls-page-3.json"))));

        // when
        client.listCalls(null, "acb_1", null, 100, false);

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo(CALLS + "?batch_id=acb_1&limit=100")));
    }

    @Test
    void listCallsOfAnAgentAloneLeavesTheBatchOut() {
        // given
        cartesia.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(fixture("list-calls-page-3.json"))));

        // when
        client.listCalls("agent_1", null, null, 100, false);

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo(CALLS + "?agent_id=agent_1&limit=100")));
    }

    @Test
    void listCallsReadsEveryDocumentedFieldAndToleratesWhatItDoesNotKnow() {
        // given a page with fields, nulls and a status value the client has never seen
        cartesia.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(okJson(fixture("list-calls-page-1.json"))));

        // when
        CallPage page = client.listCalls("agent_1", "acb_1", null, 100, false);

        // then
        assertThat(page.data()).containsExactly(
                new AgentCall("ac_5", "agent_1", "completed", OffsetDateTime.parse("2026-03-01T12:09:00Z"),
                        OffsetDateTime.parse("2026-03-01T12:11:30Z"), "agent_hangup", null,
                        "Customer confirmed the appointment.",
                        new AgentCall.TelephonyParams("+14155559876"), List.of()),
                new AgentCall("ac_4", "agent_1", "voicemail", OffsetDateTime.parse("2026-03-01T12:08:00Z"), null,
                        "dial_no_answer", null, null, null, List.of()));
        assertThat(page.hasMore()).isTrue();
        assertThat(page.nextPage()).isEqualTo("ac_4");
    }

    @Test
    void listCallsReadsTranscriptsTurnByTurnAndACallWithoutOne() {
        // given
        cartesia.stubFor(get(urlPathEqualTo(CALLS)).willReturn(okJson(fixture("list-calls-with-transcripts.json"))));

        // when
        CallPage page = client.listCalls("agent_1", "acb_1", null, 100, true);

        // then
        assertThat(page.data()).first().satisfies(call -> assertThat(call.transcript()).containsExactly(
                new TranscriptTurn("assistant", "Hello, this is Dana from the clinic.", 0.4, 2.15),
                new TranscriptTurn("user", "Can you call me next week?", 2.8, 4.05)));
        assertThat(page.data()).last().satisfies(call -> {
            assertThat(call.id()).isEqualTo("ac_1");
            assertThat(call.endReason()).isEqualTo("dial_no_answer");
            assertThat(call.startTime()).isNull();
            assertThat(call.transcript()).isEmpty();
        });
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextPage()).isNull();
    }

    @ParameterizedTest(name = "next_page left out: {0}")
    @ValueSource(booleans = { false, true })
    void listAllCallsWalksEveryPageStartingAfterNextPageOrElseTheLastCall(boolean withoutNextPage) {
        // given three pages, whose next_page is each page's last call, as Cartesia may also leave it out
        stubPages(withoutNextPage);

        // when
        List<String> ids = client.listAllCalls("agent_1", "acb_1", false).map(AgentCall::id).toList();

        // then
        assertThat(ids).containsExactly("ac_5", "ac_4", "ac_3", "ac_2", "ac_1");
        cartesia.verify(1, getRequestedFor(urlEqualTo(FIRST_PAGE)));
        cartesia.verify(1, getRequestedFor(urlEqualTo(SECOND_PAGE)));
        cartesia.verify(1, getRequestedFor(urlEqualTo(THIRD_PAGE)));
        cartesia.verify(3, getRequestedFor(urlPathEqualTo(CALLS)));
    }

    @Test
    void listAllCallsAsksEveryPageForTranscriptsWhenTold() {
        // given
        cartesia.stubFor(get(urlEqualTo(FIRST_PAGE + "&expand=transcript"))
                .willReturn(okJson(fixture("list-calls-page-1.json"))));
        cartesia.stubFor(get(urlEqualTo(SECOND_PAGE + "&expand=transcript"))
                .willReturn(okJson(fixture("list-calls-page-2.json"))));
        cartesia.stubFor(get(urlEqualTo(THIRD_PAGE + "&expand=transcript"))
                .willReturn(okJson(fixture("list-calls-page-3.json"))));

        // when
        long calls = client.listAllCalls("agent_1", "acb_1", true).count();

        // then
        assertThat(calls).isEqualTo(5);
        cartesia.verify(3, getRequestedFor(urlPathEqualTo(CALLS)).withQueryParam("expand", equalTo("transcript")));
    }

    @Test
    void listAllCallsFetchesNoPageTheConsumerDoesNotNeed() {
        // given
        stubPages(false);

        // when
        List<String> ids = client.listAllCalls("agent_1", "acb_1", false).map(AgentCall::id)
                .takeWhile(id -> !id.equals("ac_3")).toList();

        // then
        assertThat(ids).containsExactly("ac_5", "ac_4");
        cartesia.verify(2, getRequestedFor(urlPathEqualTo(CALLS)));
        cartesia.verify(0, getRequestedFor(urlEqualTo(THIRD_PAGE)));
    }

    @Test
    void listAllCallsSendsNothingUntilConsumed() {
        // given
        stubPages(false);

        // when
        client.listAllCalls("agent_1", "acb_1", false);

        // then
        cartesia.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 404 })
    void clientErrorFailsAtOnceWithTheErrorBodyRead(int status) {
        // given
        cartesia.stubFor(get(urlPathEqualTo(CALLS)).willReturn(errorBody(status, "not_found", "Batch not found",
                "No batch acb_1")));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class,
                () -> client.listCalls("agent_1", "acb_1", "ac_4", 100, false));

        // then
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.errorCode()).isEqualTo("not_found");
        assertThat(error).hasMessageStartingWith("List Calls of batch acb_1 after ac_4 failed: Cartesia answered "
                + status + " Batch not found: No batch acb_1 (error_code not_found, request_id "
                + "7c1e0a6e-3f5b-4d2a-9b8e-2f4c6d8e0a1b)");
        cartesia.verify(1, getRequestedFor(urlPathEqualTo(CALLS)));
        assertThat(waiter.waits()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { 429, 500, 503 })
    void throttlingAndServerErrorsAreRepeatedLikeAnyRead(int status) {
        // given
        cartesia.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(status)));

        // when
        CartesiaApiException error = catchThrowableOfType(CartesiaApiException.class,
                () -> client.listAllCalls("agent_1", "acb_1", true).toList());

        // then
        assertThat(error.status()).isEqualTo(status);
        cartesia.verify(MAX_ATTEMPTS, getRequestedFor(urlEqualTo(FIRST_PAGE + "&expand=transcript")));
        assertThat(waiter.waits()).hasSize(MAX_ATTEMPTS - 1);
    }

    @Test
    void neitherAgentNorBatchIsRefusedBeforeAnythingIsSent() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.listCalls(null, null, null, 100, false))
                .withMessage("agentId or batchId must be given");
        assertThatIllegalArgumentException().isThrownBy(() -> client.listAllCalls(null, " ", false))
                .withMessage("agentId or batchId must be given");
        cartesia.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 101 })
    void aLimitOutsideOneToAHundredIsRefusedBeforeAnythingIsSent(int limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> client.listCalls("agent_1", "acb_1", null, limit, false))
                .withMessage("limit must be 1 to 100, not " + limit);
        cartesia.verify(0, anyRequestedFor(anyUrl()));
    }

    private void stubPages(boolean withoutNextPage) {
        cartesia.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(okJson(page("list-calls-page-1.json", withoutNextPage))));
        cartesia.stubFor(get(urlEqualTo(SECOND_PAGE)).willReturn(okJson(page("list-calls-page-2.json", withoutNextPage))));
        cartesia.stubFor(get(urlEqualTo(THIRD_PAGE)).willReturn(okJson(page("list-calls-page-3.json", withoutNextPage))));
    }

    /** The fixture, with {@code next_page} left out entirely when asked: the API documents it as optional. */
    private static String page(String fixture, boolean withoutNextPage) {
        String json = fixture(fixture);
        return withoutNextPage ? json.replaceAll(",\\s*\"next_page\":\\s*(\"[^\"]*\"|null)", "") : json;
    }
}
