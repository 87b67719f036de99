package io.bulkcall.cartesia;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.bulkcall.cartesia.CartesiaTestClients.API_KEY;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the client and the HTTP stack under it log with DEBUG on: one line per attempt, and never
 * the API key.
 */
class CartesiaClientLoggingTest {

    private static final List<String> LOGGERS = List.of("io.bulkcall.cartesia",
            "org.springframework.web.reactive.function.client", "org.springframework.web.service", "org.springframework.http");

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private Map<Logger, Level> levelsBefore;

    @BeforeEach
    void recordDebugLogs() {
        events.start();
        levelsBefore = LOGGERS.stream().map(name -> (Logger) LoggerFactory.getLogger(name))
                .collect(Collectors.toMap(logger -> logger, logger -> logger.getLevel() == null ? Level.OFF : logger.getLevel()));
        levelsBefore.keySet().forEach(logger -> {
            logger.setLevel(Level.DEBUG);
            logger.addAppender(events);
        });
    }

    @AfterEach
    void restoreLevels() {
        levelsBefore.forEach((logger, level) -> {
            logger.detachAppender(events);
            logger.setLevel(level == Level.OFF ? null : level);
        });
    }

    @Test
    void eachAttemptIsOneDebugLineAndTheKeyIsNeverLogged() {
        // given
        cartesia.stubFor(post("/agents/calls/batches").willReturn(okJson(fixture("create-response.json")).withStatus(201)));
        cartesia.stubFor(get("/agents/calls/batches/acb_1").willReturn(aResponse().withStatus(503)));
        CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(), new RecordingWaiter(CartesiaTestClients.CLOCK));

        // when
        client.createCallBatch(new CreateCallBatchRequest("bulkcall-7-1", "agent_1", "ap_1",
                List.of(new CallRecipient("+14155559876", null, null)), null, null, null, null));
        catchThrowable(() -> client.getCallBatch("acb_1"));

        // then
        List<ILoggingEvent> logged = loggedSoFar();
        List<String> ours = logged.stream().filter(event -> event.getLoggerName().startsWith("io.bulkcall"))
                .map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
        assertThat(ours).containsExactly(
                "DEBUG POST /agents/calls/batches -> 201 (attempt 1 of 3)",
                "DEBUG GET /agents/calls/batches/acb_1 -> 503 (attempt 1 of 3)",
                "DEBUG GET /agents/calls/batches/acb_1 -> 503 (attempt 2 of 3)",
                "DEBUG GET /agents/calls/batches/acb_1 -> 503 (attempt 3 of 3)");
        assertThat(logged).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(API_KEY);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(API_KEY);
            }
        });
    }

    /** The HTTP client's threads go on logging while the test reads: copy under the appender's own lock. */
    private List<ILoggingEvent> loggedSoFar() {
        synchronized (events) {
            return List.copyOf(events.list);
        }
    }
}
