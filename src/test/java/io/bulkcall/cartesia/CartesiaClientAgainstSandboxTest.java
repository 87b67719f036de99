package io.bulkcall.cartesia;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.time.SleepingWaiter;
import io.bulkcall.time.StopSignal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real client against the sandbox, a strict server that answers 400 to a camelCase, null or
 * unknown field: every operation round-trips, and what the client sends is exactly what the API
 * reference documents.
 */
class CartesiaClientAgainstSandboxTest {

    private SandboxServer sandbox;
    private CartesiaClient client;

    @BeforeEach
    void start() {
        sandbox = new SandboxServer(SandboxSettings.defaults().with(sandbox -> {
            sandbox.ringDuration = Duration.ofMillis(5);
            sandbox.callDuration = Duration.ofMillis(20);
            sandbox.failureRate = 0.5;
        })).start();
        BulkcallProperties.Cartesia settings = new BulkcallProperties.Cartesia(sandbox.baseUrl(), "2026-03-01",
                new ApiKey("sk_car_sandbox"), Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(10),
                Duration.ofMillis(100));
        client = new CartesiaClient(new PropertiesCartesiaConnectionDetails(settings), settings, Clock.systemUTC(),
                WebClient.builder(), new SleepingWaiter(Clock.systemUTC()), new StopSignal());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aCreateWithEveryOptionIsAcceptedByTheStrictServer() {
        // when
        CallBatch created = client.createCallBatch(request("every option", 2, 30, 10,
                java.time.OffsetDateTime.now().plusHours(1)));

        // then
        assertThat(created.status().kind()).isEqualTo(CallBatchStatus.Kind.PENDING);
        assertThat(created.totalCallsScheduled()).isEqualTo(2);
        assertThat(sandbox.batchesNamed("every option")).singleElement()
            .satisfies(batch -> assertThat(batch.toNumbers()).containsExactly("+12125550143", "+12125550178"));
    }

    @Test
    void aCreateWithNoOptionalFieldIsAcceptedByTheStrictServer() {
        CallBatch created = client.createCallBatch(request("no options", null, null, null, null));

        assertThat(created.id()).startsWith("acb_");
    }

    @Test
    void aBatchRunsToItsEndAndIsRetriedAndListed() {
        // given
        CallBatch created = client.createCallBatch(request("lifecycle", null, null, null, null));

        // when
        await().atMost(Duration.ofSeconds(10)).until(() -> client.getCallBatch(created.id()).isFinished());
        CallBatch finished = client.getCallBatch(created.id());
        boolean anyFailed = finished.recipients().stream()
            .anyMatch(recipient -> recipient.status().kind() == RecipientStatus.Kind.FAILED);
        CallBatch retried = anyFailed ? client.retryCallBatch(created.id()) : finished;

        // then
        assertThat(finished.recipients()).extracting(CallBatchRecipient::toNumber)
            .containsExactlyInAnyOrder("+12125550143", "+12125550178");
        assertThat(finished.recipients()).allSatisfy(recipient -> assertThat(recipient.status().kind())
            .isIn(RecipientStatus.Kind.COMPLETED, RecipientStatus.Kind.FAILED, RecipientStatus.Kind.CANCELLED));
        assertThat(retried.retryCount()).isEqualTo(anyFailed ? 1 : 0);
        assertThat(client.listAllCallBatches("agent_sandbox")).extracting(CallBatch::id).containsExactly(created.id());
    }

    @Test
    void aCancelledBatchIsCancelledAndCancellingAgainIsHarmless() {
        CallBatch created = client.createCallBatch(request("to cancel", null, null, null,
                java.time.OffsetDateTime.now().plusDays(1)));

        CallBatch cancelled = client.cancelCallBatch(created.id());
        CallBatch again = client.cancelCallBatch(created.id());

        assertThat(cancelled.status()).isEqualTo(CallBatchStatus.CANCELLED);
        assertThat(again.status()).isEqualTo(CallBatchStatus.CANCELLED);
    }

    private static CreateCallBatchRequest request(String name, Integer concurrency, Integer ringing, Integer minutes,
            java.time.OffsetDateTime scheduledAt) {
        return new CreateCallBatchRequest(name, "agent_sandbox", "ap_sandbox",
                List.of(new CallRecipient("+12125550143", Map.of("customer_id", "c-1"), null),
                        new CallRecipient("+12125550178", Map.of(), null)),
                concurrency, ringing, minutes, scheduledAt);
    }
}
