package io.bulkcall.cartesia;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.bulkcall.time.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.util.TestSocketUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.bulkcall.cartesia.CartesiaTestClients.CLOCK;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Once the process is asked to stop, no wait of the client outlasts the time given to stop: a wait
 * between two attempts ends at once, a refused connection or a lost answer is not tried again, and an
 * answer that does not come is given up on when the time is up. The machine's clock is simulated: no
 * test sleeps through a backoff.
 */
class CartesiaClientStopTest {

    private static final String BATCH = "/agents/calls/batches/acb_1";

    private static final String CANCEL = BATCH + "/cancel";

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    /** The machine's monotonic clock, as the stop signal reads it: it moves only when a test moves it. */
    private final AtomicLong nanoTime = new AtomicLong();

    private final StopSignal stop = new StopSignal(nanoTime::get);

    private final RecordingWaiter waiter = new RecordingWaiter(CLOCK);

    @Test
    void aStopDuringTheWaitBeforeTheNextAttemptEndsTheWaitAndSendsNothingMore() {
        // given: every answer a 503, and the signal comes while the client waits to try again
        cartesia.stubFor(get(BATCH).willReturn(aResponse().withStatus(503)));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), (until, stopRequested) -> {
            stop.request(Duration.ofSeconds(30));
            return !stopRequested.getAsBoolean();
        }, stop);

        // when
        Throwable error = catchThrowable(() -> client.getCallBatch("acb_1"));

        // then
        assertThat(error).isInstanceOf(StopRequestedException.class)
            .hasMessage("Get Call Batch acb_1: not tried again as bulkcall stops (Cartesia answered 503 Service Unavailable)");
        cartesia.verify(1, getRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void whileStoppingARefusedConnectionIsGivenUpOnWithoutWaiting() {
        // given
        stop.request(Duration.ofSeconds(30));
        String closedPort = "http://localhost:" + TestSocketUtils.findAvailableTcpPort();
        CartesiaClient client = CartesiaTestClients.client(closedPort, waiter, stop);

        // when
        Throwable error = catchThrowable(() -> client.cancelCallBatch("acb_1"));

        // then
        assertThat(error).isInstanceOf(StopRequestedException.class)
            .hasMessage("Cancel Call Batch acb_1: given up as bulkcall stops (connection refused)");
        assertThat(waiter.waits()).isEmpty();
    }

    @Test
    void whileStoppingAThrottledCancelIsTriedAgainWhenTheWaitFitsInTheTimeLeft() {
        // given: 25 s of the 30 left for work, a 429 asking for 2 s
        stop.request(Duration.ofSeconds(30));
        throttleOnceThenCancel("2");
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter, stop);

        // when
        CallBatch cancelled = client.cancelCallBatch("acb_1");

        // then
        assertThat(cancelled.status()).isEqualTo(CallBatchStatus.CANCELLED);
        assertThat(waiter.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void whileStoppingAThrottledCancelIsGivenUpOnWhenTheWaitOutlastsTheTimeLeft() {
        // given: 30 s given to stop, 22 s of them gone: 3 s left for work, and a 429 asking for 4 s
        stop.request(Duration.ofSeconds(30));
        nanoTime.addAndGet(Duration.ofSeconds(22).toNanos());
        throttleOnceThenCancel("4");
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter, stop);

        // when
        Throwable error = catchThrowable(() -> client.cancelCallBatch("acb_1"));

        // then
        assertThat(error).isInstanceOf(StopRequestedException.class)
            .hasMessage("Cancel Call Batch acb_1: given up as bulkcall stops (Cartesia answered 429 Too Many Requests)");
        assertThat(waiter.waits()).isEmpty();
    }

    @Test
    void onceTheTimeGivenToStopIsUpNothingIsSent() {
        // given
        stop.request(Duration.ofSeconds(30));
        nanoTime.addAndGet(Duration.ofSeconds(30).toNanos());
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter, stop);

        // when
        Throwable error = catchThrowable(() -> client.cancelCallBatch("acb_1"));

        // then
        assertThat(error).isInstanceOf(StopRequestedException.class)
            .hasMessage("Cancel Call Batch acb_1: not sent: the time given to stop is up");
        cartesia.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anAnswerThatDoesNotComeIsGivenUpOnWhenTheTimeGivenToStopIsUp() {
        // given: Cartesia answers after 4 s, far within the response timeout; the time to stop is up after 1
        cartesia.stubFor(post(CANCEL).willReturn(okJson(fixture("cancel-response.json")).withFixedDelay(4_000)));
        stop.request(Duration.ofSeconds(30));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), waiter, stop);
        Thread timeUp = new Thread(() -> {
            while (cartesia.getAllServeEvents().isEmpty()) {
                Thread.onSpinWait();
            }
            nanoTime.addAndGet(Duration.ofSeconds(30).toNanos());
        });
        timeUp.start();

        // when
        long started = System.nanoTime();
        Throwable error = catchThrowable(() -> client.cancelCallBatch("acb_1"));

        // then
        assertThat(error).isInstanceOf(StopRequestedException.class)
            .hasMessage("Cancel Call Batch acb_1: given up as bulkcall stops (response timeout)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(timeUp.isAlive()).isFalse();
    }

    private void throttleOnceThenCancel(String retryAfter) {
        cartesia.stubFor(post(CANCEL).inScenario("throttled").whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter))
            .willSetStateTo("answering"));
        cartesia.stubFor(post(CANCEL).inScenario("throttled").whenScenarioStateIs("answering")
            .willReturn(okJson(fixture("cancel-response.json"))));
    }
}
