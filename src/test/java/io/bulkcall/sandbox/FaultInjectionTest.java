package io.bulkcall.sandbox;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults for exactly-once tests: error answers that apply nothing, lost responses that apply the
 * request and leave the client guessing, and the counters a test reads afterwards.
 */
class FaultInjectionTest {

    @AutoClose
    private SandboxServer sandbox;

    private SandboxHttp api;

    @Test
    void plannedConcurrencyLimitedAnswers429WithRetryAfterAndCreatesNothing() {
        // given
        start(SandboxSettings.defaults());
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.CONCURRENCY_LIMITED);

        // when
        SandboxHttp.Reply reply = api.post(BATCHES, CreateRequests.sample());

        // then
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers().firstValue("Retry-After")).hasValue("0");
        assertThat(reply.body().get("error_code").asString()).isEqualTo("concurrency_limited");
        assertThat(reply.body().get("title").asString()).isEqualTo("Too many concurrent requests");
        assertThat(sandbox.batches()).isEmpty();
        assertThat(sandbox.injectedErrors()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(names = { "INTERNAL_ERROR", "SERVICE_UNAVAILABLE" })
    void plannedServerErrorAppliesNothing(SandboxFault fault) {
        // given
        start(SandboxSettings.defaults());
        String id = api.create(CreateRequests.sample()).get("id").asString();
        sandbox.planFault(SandboxEndpoint.CANCEL_BATCH, fault);

        // when
        SandboxHttp.Reply reply = api.post(BATCHES + "/" + id + "/cancel");

        // then
        assertThat(reply.status()).isIn(500, 503);
        assertThat(reply.body().get("request_id").asString()).isNotBlank();
        assertThat(sandbox.batch(id).orElseThrow().cancelRequests()).isZero();
    }

    @Test
    void plannedFaultSpoilsOnlyTheNextRequest() {
        // given
        start(SandboxSettings.defaults());
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.SERVICE_UNAVAILABLE);

        // when
        int first = api.post(BATCHES, CreateRequests.sample()).status();
        int second = api.post(BATCHES, CreateRequests.sample()).status();

        // then
        assertThat(first).isEqualTo(503);
        assertThat(second).isEqualTo(201);
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(2);
    }

    @Test
    void plannedFaultCanLetRequestsPassFirst() {
        // given
        start(SandboxSettings.defaults());
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.INTERNAL_ERROR, 2);

        // when
        List<Integer> statuses = Stream.generate(() -> api.post(BATCHES, CreateRequests.sample()).status())
                .limit(4)
                .toList();

        // then
        assertThat(statuses).containsExactly(201, 201, 500, 201);
        assertThat(sandbox.batches()).hasSize(3);
    }

    @Test
    void lostCreateResponseCreatesTheBatchAndClosesTheConnection() {
        // given
        start(SandboxSettings.defaults());
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.LOST_RESPONSE);

        // when
        assertThatThrownBy(() -> api.post(BATCHES, CreateRequests.sample())).isInstanceOf(UncheckedIOException.class);

        // then
        assertThat(sandbox.batchesNamed("March outreach")).hasSize(1);
        assertThat(sandbox.createdToNumbers()).containsExactly("+14155559876", "+14155550101");
        assertThat(sandbox.lostResponses()).isEqualTo(1);
    }

    @Test
    void lostRetryResponseStillRetries() {
        // given every attempt fails before dialing, at once
        start(SandboxSettings.defaults().with(sandbox -> sandbox.failureRate = 1));
        String id = api.create(CreateRequests.withRecipients("retry", 30)).get("id").asString();
        sandbox.planFault(SandboxEndpoint.RETRY_BATCH, SandboxFault.LOST_RESPONSE);

        // when
        assertThatThrownBy(() -> api.post(BATCHES + "/" + id + "/retry")).isInstanceOf(UncheckedIOException.class);

        // then
        assertThat(sandbox.batch(id).orElseThrow().retryCount()).isEqualTo(1);
    }

    @Test
    void faultRateOfOneAnswersEveryRequestWithAnErrorAndAppliesNone() {
        // given
        start(SandboxSettings.defaults().with(sandbox -> sandbox.faultRate = 1));

        // when
        List<Integer> statuses = Stream.generate(() -> api.post(BATCHES, CreateRequests.sample()).status())
                .limit(10)
                .toList();

        // then
        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(500, 503, 429));
        assertThat(sandbox.batches()).isEmpty();
        assertThat(sandbox.injectedErrors()).isEqualTo(10);
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(10);
    }

    @Test
    void lostResponseRateSparesEndpointsThatChangeNothing() {
        // given
        start(SandboxSettings.defaults().with(sandbox -> sandbox.lostResponseRate = 1));

        // when
        assertThatThrownBy(() -> api.post(BATCHES, CreateRequests.sample())).isInstanceOf(UncheckedIOException.class);
        SandboxHttp.Reply list = api.get(BATCHES);

        // then
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("data")).hasSize(1);
        assertThat(sandbox.lostResponses()).isEqualTo(1);
    }

    @Test
    void repeatedCreatesOfOneNameShowAsDuplicates() {
        // given
        start(SandboxSettings.defaults());

        // when
        JsonNode first = api.create(CreateRequests.sample());
        JsonNode second = api.create(CreateRequests.sample());

        // then
        assertThat(sandbox.batchesNamed("March outreach")).extracting(CallBatchSnapshot::id)
                .containsExactly(first.get("id").asString(), second.get("id").asString());
        assertThat(sandbox.createdToNumbers()).hasSize(4).containsOnly("+14155559876", "+14155550101");
    }

    @Test
    void countsRequestsPerEndpoint() {
        // given
        start(SandboxSettings.defaults());
        String id = api.create(CreateRequests.sample()).get("id").asString();

        // when
        api.get(BATCHES + "/" + id);
        api.get(BATCHES + "/" + id);
        api.get(BATCHES);
        api.post(BATCHES + "/" + id + "/cancel");
        api.get("/agents/calls?batch_id=" + id);

        // then
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(1);
        assertThat(sandbox.requests(SandboxEndpoint.GET_BATCH)).isEqualTo(2);
        assertThat(sandbox.requests(SandboxEndpoint.LIST_BATCHES)).isEqualTo(1);
        assertThat(sandbox.requests(SandboxEndpoint.CANCEL_BATCH)).isEqualTo(1);
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.GET_CALL)).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.LIST_CALLS)).isEqualTo(1);
    }

    @Test
    void plannedFaultSpoilsListCallsToo() {
        // given
        start(SandboxSettings.defaults());
        String id = api.create(CreateRequests.sample()).get("id").asString();
        sandbox.planFault(SandboxEndpoint.LIST_CALLS, SandboxFault.SERVICE_UNAVAILABLE);

        // when
        int first = api.get("/agents/calls?batch_id=" + id).status();
        int second = api.get("/agents/calls?batch_id=" + id).status();

        // then
        assertThat(first).isEqualTo(503);
        assertThat(second).isEqualTo(200);
    }

    private void start(SandboxSettings settings) {
        sandbox = new SandboxServer(settings).start();
        api = new SandboxHttp(sandbox);
    }
}
