package io.bulkcall.cartesia;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.bulkcall.config.CartesiaVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.bulkcall.cartesia.CartesiaTestClients.API_KEY;
import static io.bulkcall.cartesia.CartesiaTestClients.VERSION;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each operation against WireMock: the exact request Cartesia's reference asks for, and every
 * documented field of the answer read back.
 */
class CartesiaClientOperationsTest {

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    private final CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), new RecordingWaiter(CartesiaTestClients.CLOCK));

    @Test
    void createUnderTheLaterVersionSendsEachRecipientsDynamicVariablesAndNoMetadata() {
        // given
        cartesia.stubFor(post("/agents/calls/batches").willReturn(okJson(fixture("create-response.json")).withStatus(201)));
        CartesiaClient later = CartesiaTestClients.client(cartesia.baseUrl(), CartesiaVersion.V2026_08_14);

        // when
        later.createCallBatch(new CreateCallBatchRequest("March outreach", "agent_Fo7pKNBUwLZxrTd6jvhpaE",
                "ap_Q8PRh7lXyZsawXJmN2KcT5",
                List.of(CallRecipient.of(CartesiaVersion.V2026_08_14, "+14155559876",
                        Map.of("first_name", "Zoë", "note", "café \"au lait\"")),
                        CallRecipient.of(CartesiaVersion.V2026_08_14, "+14155550101", Map.of())),
                null, null, null, null));

        // then
        cartesia.verify(1, postRequestedFor(urlEqualTo("/agents/calls/batches"))
                .withHeader("Cartesia-Version", equalTo("2026-08-14"))
                .withRequestBody(equalToJson("""
                        {"name": "March outreach", "agent_id": "agent_Fo7pKNBUwLZxrTd6jvhpaE",
                         "from_number_id": "ap_Q8PRh7lXyZsawXJmN2KcT5",
                         "recipients": [
                           {"to_number": "+14155559876",
                            "dynamic_variables": {"first_name": "Zoë", "note": "café \\"au lait\\""}},
                           {"to_number": "+14155550101"}]}""")));
    }

    @Test
    void createSendsExactlyTheDocumentedBodyAndHeaders() {
        // given
        cartesia.stubFor(post("/agents/calls/batches").willReturn(okJson(fixture("create-response.json")).withStatus(201)));

        // when
        client.createCallBatch(new CreateCallBatchRequest("March outreach", "agent_Fo7pKNBUwLZxrTd6jvhpaE",
                "ap_Q8PRh7lXyZsawXJmN2KcT5",
                List.of(new CallRecipient("+14155559876", Map.of("customer_id", "cust_123"), null),
                        new CallRecipient("+14155550101", Map.of("customer_id", "cust_456"), null)),
                10, 30, 15, OffsetDateTime.parse("2026-03-15T16:00:00Z")));

        // then
        cartesia.verify(1, postRequestedFor(urlEqualTo("/agents/calls/batches"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Cartesia-Version", equalTo(VERSION))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson(fixture("create-request.json"))));
    }

    @Test
    void createLeavesUnsetOptionsAndEmptyMetadataOutOfTheBody() {
        // given
        cartesia.stubFor(post("/agents/calls/batches").willReturn(okJson(fixture("create-response.json")).withStatus(201)));

        // when
        client.createCallBatch(new CreateCallBatchRequest("March outreach", "agent_Fo7pKNBUwLZxrTd6jvhpaE",
                "ap_Q8PRh7lXyZsawXJmN2KcT5", List.of(new CallRecipient("+14155559876", Map.of(), null)),
                null, null, null, null));

        // then
        cartesia.verify(1, postRequestedFor(urlEqualTo("/agents/calls/batches"))
                .withRequestBody(equalToJson(fixture("create-request-minimal.json"))));
    }

    @Test
    void createReadsTheCreatedBatch() {
        // given
        cartesia.stubFor(post("/agents/calls/batches").willReturn(okJson(fixture("create-response.json")).withStatus(201)));

        // when
        CallBatch batch = client.createCallBatch(new CreateCallBatchRequest("March outreach",
                "agent_Fo7pKNBUwLZxrTd6jvhpaE", "ap_Q8PRh7lXyZsawXJmN2KcT5",
                List.of(new CallRecipient("+14155559876", null, null)), null, null, null, null));

        // then
        assertThat(batch.id()).isEqualTo("acb_PDWFN995PzAudChwFDqVZ2");
        assertThat(batch.status()).isEqualTo(CallBatchStatus.PENDING);
        assertThat(batch.totalCallsScheduled()).isEqualTo(2);
        assertThat(batch.scheduledAt()).isEqualTo(OffsetDateTime.parse("2026-03-15T16:00:00Z"));
        assertThat(batch.admittedAt()).isNull();
        assertThat(batch.recipients()).isEmpty();
    }

    @Test
    void createThatBreaksARuleIsNeverSent() {
        // given
        CreateCallBatchRequest request = new CreateCallBatchRequest("March outreach", "agent_1", "ap_1",
                List.of(new CallRecipient("+14155559876", null, null), new CallRecipient("5551234", null, null)),
                null, null, null, null);

        // when / then
        assertThatExceptionOfType(InvalidCallBatchRequestException.class)
                .isThrownBy(() -> client.createCallBatch(request))
                .withMessageContaining("recipients[1].to_number=5551234 must be E.164");
        cartesia.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void getCallBatchSendsTheDocumentedRequest() {
        // given
        cartesia.stubFor(get(anyUrl()).willReturn(okJson(fixture("get-batch-response.json"))));

        // when
        client.getCallBatch("acb_PDWFN995PzAudChwFDqVZ2");

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/batches/acb_PDWFN995PzAudChwFDqVZ2"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Cartesia-Version", equalTo(VERSION))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", absent()));
    }

    @Test
    void getCallBatchReadsEveryDocumentedField() {
        // given
        cartesia.stubFor(get("/agents/calls/batches/acb_PDWFN995PzAudChwFDqVZ2")
                .willReturn(okJson(fixture("get-batch-response.json"))));

        // when
        CallBatch batch = client.getCallBatch("acb_PDWFN995PzAudChwFDqVZ2");

        // then
        assertThat(batch).usingRecursiveComparison().ignoringFields("recipients").isEqualTo(new CallBatch(
                "acb_PDWFN995PzAudChwFDqVZ2", "March outreach", "agent_Fo7pKNBUwLZxrTd6jvhpaE",
                "ap_Q8PRh7lXyZsawXJmN2KcT5", "EU", 10, CallBatchStatus.IN_PROGRESS, 3, 2, 2, 1,
                OffsetDateTime.parse("2026-03-01T12:00:00Z"), OffsetDateTime.parse("2026-03-01T12:05:00Z"),
                OffsetDateTime.parse("2026-03-01T12:01:00Z"), OffsetDateTime.parse("2026-03-01T12:02:30Z"), null));
        assertThat(batch.recipients()).containsExactly(
                new CallBatchRecipient("abcr_295cx2ZMPitmqQtBtWUxSR", "+14155559876", RecipientStatus.COMPLETED,
                        OffsetDateTime.parse("2026-03-01T12:00:00Z"), "ac_2u7rspBaHJ7bQ7TiR3mK2n", "agent_hangup",
                        null),
                new CallBatchRecipient("abcr_9Hk2LmNpQrStUvWxYz1234", "+14155550199", RecipientStatus.FAILED,
                        OffsetDateTime.parse("2026-03-01T12:00:00Z"), null, null, "Number is not reachable"),
                new CallBatchRecipient("abcr_TD5XMc9uNw6mJfhFbcvQTm", "+14155550101", RecipientStatus.QUEUED,
                        OffsetDateTime.parse("2026-03-01T12:00:00Z"), null, null, null));
    }

    @Test
    void getCallBatchToleratesUnknownFieldsStatusValuesAndAMissingRetryCount() {
        // given
        cartesia.stubFor(get("/agents/calls/batches/acb_PDWFN995PzAudChwFDqVZ2")
                .willReturn(okJson(fixture("get-batch-unknown-fields-response.json"))));

        // when
        CallBatch batch = client.getCallBatch("acb_PDWFN995PzAudChwFDqVZ2");

        // then
        assertThat(batch.status().kind()).isEqualTo(CallBatchStatus.Kind.UNKNOWN);
        assertThat(batch.status().raw()).isEqualTo("paused_for_compliance");
        assertThat(batch.retryCount()).isZero();
        assertThat(batch.targetConcurrencyLimit()).isNull();
        assertThat(batch.region()).isEqualTo("APAC");
        assertThat(batch.lastUpdatedAt().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-01T10:05:00Z").toInstant());
        assertThat(batch.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.status().kind()).isEqualTo(RecipientStatus.Kind.UNKNOWN);
            assertThat(recipient.status().raw()).isEqualTo("voicemail_detected");
            assertThat(recipient.endReason()).isEqualTo("answering_machine");
        });
    }

    @Test
    void getCallBatchReadsAThousandRecipients() {
        // given a body well above WebClient's default 256 KB buffer
        String recipients = IntStream.range(0, 1000)
                .mapToObj(i -> """
                        {"id": "abcr_%d", "to_number": "+1415555%04d", "status": "completed",
                         "created_at": "2026-03-01T12:00:00Z", "metadata": {"note": "%s"}}"""
                        .formatted(i, i, "x".repeat(300)))
                .collect(Collectors.joining(","));
        String body = fixture("create-response.json").replaceFirst("\\{", "{\"recipients\": [" + recipients + "],");
        cartesia.stubFor(get("/agents/calls/batches/acb_big").willReturn(okJson(body)));

        // when
        CallBatch batch = client.getCallBatch("acb_big");

        // then
        assertThat(batch.recipients()).hasSize(1000);
    }

    @Test
    void batchIdIsSentAsOnePathSegment() {
        // given
        cartesia.stubFor(get(anyUrl()).willReturn(okJson(fixture("get-batch-response.json"))));

        // when
        client.getCallBatch("acb/../x y");

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/batches/acb%2F..%2Fx%20y")));
    }

    @Test
    void listCallBatchesSendsAgentCursorAndLimit() {
        // given
        cartesia.stubFor(get(urlPathEqualTo("/agents/calls/batches")).willReturn(okJson(fixture("list-page-2.json"))));

        // when
        CallBatchPage page = client.listCallBatches("agent_1", "acb_4", 2);

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_4&limit=2"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Cartesia-Version", equalTo(VERSION)));
        assertThat(page.data()).extracting(CallBatch::id).containsExactly("acb_3", "acb_2");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.nextPage()).isEqualTo("acb_2");
    }

    @Test
    void listAllCallBatchesFollowsNextPageThroughEveryPage() {
        // given
        stubListPages();

        // when
        List<String> ids = client.listAllCallBatches("agent_1").map(CallBatch::id).toList();

        // then
        assertThat(ids).containsExactly("acb_5", "acb_4", "acb_3", "acb_2", "acb_1");
        cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/batches?agent_id=agent_1&limit=100")));
        cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_4&limit=100")));
        cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_2&limit=100")));
    }

    @Test
    void listAllCallBatchesFetchesNoPageTheConsumerDoesNotNeed() {
        // given
        stubListPages();

        // when
        List<String> ids = client.listAllCallBatches("agent_1").map(CallBatch::id)
                .takeWhile(id -> !id.equals("acb_3")).toList();

        // then
        assertThat(ids).containsExactly("acb_5", "acb_4");
        cartesia.verify(2, getRequestedFor(urlPathEqualTo("/agents/calls/batches")));
        cartesia.verify(0, getRequestedFor(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_2&limit=100")));
    }

    @Test
    void listAllCallBatchesSendsNothingUntilConsumed() {
        // given
        stubListPages();

        // when
        client.listAllCallBatches("agent_1");

        // then
        cartesia.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void listAllCallBatchesStartsAfterTheLastBatchWhenNextPageIsMissing() {
        // given
        cartesia.stubFor(get(urlEqualTo("/agents/calls/batches?agent_id=agent_1&limit=100"))
                .willReturn(okJson(fixture("list-page-1.json").replace("\"next_page\": \"acb_4\"", "\"next_page\": null"))));
        cartesia.stubFor(get(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_4&limit=100"))
                .willReturn(okJson(fixture("list-page-3.json"))));

        // when
        List<String> ids = client.listAllCallBatches("agent_1").map(CallBatch::id).toList();

        // then
        assertThat(ids).containsExactly("acb_5", "acb_4", "acb_1");
    }

    @Test
    void listCallBatchesSinceEndsAtTheFirstBatchCreatedMoreThanTheClockSkewBeforeAndFetchesNoOlderPage() {
        // given: acb_4 without a creation time, acb_2 created an hour before the others
        cartesia.stubFor(get(urlEqualTo("/agents/calls/batches?agent_id=agent_1&limit=100"))
                .willReturn(okJson(fixture("list-page-1.json").replace("\"created_at\": \"2026-03-01T12:05:00Z\"", "\"created_at\": null"))));
        cartesia.stubFor(get(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_4&limit=100"))
                .willReturn(okJson(fixture("list-page-2.json").replace("2026-03-01T12:07:00Z", "2026-03-01T11:07:00Z"))));
        cartesia.stubFor(get(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_2&limit=100"))
                .willReturn(okJson(fixture("list-page-3.json"))));

        // when: since 12:19, so back to 12:04 with the skew allowed
        List<String> ids = client.listCallBatchesSince("agent_1", Instant.parse("2026-03-01T12:19:00Z"))
                .map(CallBatch::id)
                .toList();

        // then
        assertThat(ids).containsExactly("acb_5", "acb_4", "acb_3");
        cartesia.verify(0, getRequestedFor(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_2&limit=100")));
    }

    @Test
    void retryCallBatchPostsWithoutBody() {
        // given
        cartesia.stubFor(post(anyUrl()).willReturn(okJson(fixture("retry-response.json"))));

        // when
        CallBatch batch = client.retryCallBatch("acb_PDWFN995PzAudChwFDqVZ2");

        // then
        verifyOnePostWithoutBody("/agents/calls/batches/acb_PDWFN995PzAudChwFDqVZ2/retry");
        assertThat(batch.retryCount()).isEqualTo(1);
        assertThat(batch.status()).isEqualTo(CallBatchStatus.IN_PROGRESS);
    }

    @Test
    void cancelCallBatchPostsWithoutBody() {
        // given
        cartesia.stubFor(post(anyUrl()).willReturn(okJson(fixture("cancel-response.json"))));

        // when
        CallBatch batch = client.cancelCallBatch("acb_PDWFN995PzAudChwFDqVZ2");

        // then
        verifyOnePostWithoutBody("/agents/calls/batches/acb_PDWFN995PzAudChwFDqVZ2/cancel");
        assertThat(batch.status()).isEqualTo(CallBatchStatus.CANCELLED);
    }

    @Test
    void getCallReadsTheCall() {
        // given
        cartesia.stubFor(get(anyUrl()).willReturn(okJson(fixture("get-call-response.json"))));

        // when
        AgentCall call = client.getCall("ac_2u7rspBaHJ7bQ7TiR3mK2n");

        // then
        cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/ac_2u7rspBaHJ7bQ7TiR3mK2n"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Cartesia-Version", equalTo(VERSION)));
        assertThat(call).isEqualTo(new AgentCall("ac_2u7rspBaHJ7bQ7TiR3mK2n", "agent_Fo7pKNBUwLZxrTd6jvhpaE",
                "completed", OffsetDateTime.parse("2026-03-01T12:01:00Z"),
                OffsetDateTime.parse("2026-03-01T12:03:30Z"), "agent_hangup", null,
                "Customer confirmed the appointment.",
                new AgentCall.TelephonyParams("+14155559876"), List.of(new TranscriptTurn("assistant", "Hello!", 0.1, 0.9))));
    }

    @Test
    void getCallReadsACallThatKeptNoTranscript() {
        // given a call that never connected, on an agent with zero data retention
        cartesia.stubFor(get("/agents/calls/ac_9Kq2LmNpQrStUvWxYz5678")
                .willReturn(okJson(fixture("get-call-without-transcript-response.json"))));

        // when
        AgentCall call = client.getCall("ac_9Kq2LmNpQrStUvWxYz5678");

        // then
        assertThat(call).isEqualTo(new AgentCall("ac_9Kq2LmNpQrStUvWxYz5678", "agent_Fo7pKNBUwLZxrTd6jvhpaE",
                "failed", null, null, "dial_busy", "The line was busy", null, null, List.of()));
    }

    /** Retry and Cancel Call Batch are POSTs with the usual headers and no body at all. */
    private static void verifyOnePostWithoutBody(String path) {
        cartesia.verify(1, postRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Cartesia-Version", equalTo(VERSION))
                .withHeader("Content-Type", absent())
                .withRequestBody(absent()));
    }

    private void stubListPages() {
        cartesia.stubFor(get(urlEqualTo("/agents/calls/batches?agent_id=agent_1&limit=100"))
                .willReturn(okJson(fixture("list-page-1.json"))));
        cartesia.stubFor(get(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_4&limit=100"))
                .willReturn(okJson(fixture("list-page-2.json"))));
        cartesia.stubFor(get(urlEqualTo("/agents/calls/batches?agent_id=agent_1&starting_after=acb_2&limit=100"))
                .willReturn(okJson(fixture("list-page-3.json"))));
    }
}
