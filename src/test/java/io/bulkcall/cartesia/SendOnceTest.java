package io.bulkcall.cartesia;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.time.JumpingWaiter;
import io.bulkcall.time.SimulatedClock;
import io.bulkcall.time.StopSignal;
import io.bulkcall.window.CallingWindowSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one way an unrepeatable request (Create, Retry Call Batch) is sent: once, and after an unknown
 * outcome only again if Cartesia shows it did not take effect.
 */
class SendOnceTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(START);
    private final StopSignal stop = new StopSignal();
    private final SendOnce sendOnce = new SendOnce(settings("3", "500ms"), clock, new JumpingWaiter(clock), stop);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger lookedUp = new AtomicInteger();

    @Test
    void anAnsweredRequestIsSentOnceAndNotLookedUp() {
        String answer = sendOnce.send("create", answers("created"), lookUps());

        assertThat(answer).isEqualTo("created");
        assertThat(sent).hasValue(1);
        assertThat(lookedUp).hasValue(0);
    }

    @Test
    void anUnknownOutcomeThatTookEffectIsAdoptedWithoutSendingAgain() {
        String answer = sendOnce.send("create", answers(unknown()), lookUps(Optional.of("found")));

        assertThat(answer).isEqualTo("found");
        assertThat(sent).hasValue(1);
        assertThat(lookedUp).hasValue(1);
    }

    @Test
    void anUnknownOutcomeThatDidNotTakeEffectIsSentAgain() {
        String answer = sendOnce.send("create", answers(unknown(), "created"), lookUps(Optional.empty()));

        assertThat(answer).isEqualTo("created");
        assertThat(sent).hasValue(2);
        assertThat(lookedUp).hasValue(1);
    }

    @Test
    void itWaitsLongerBeforeEachLookUpGivingTheRequestTimeToShow() {
        sendOnce.send("create", answers(unknown(), unknown(), "created"), lookUps(Optional.empty(), Optional.empty()));

        // 500 ms before the first look, 1 s before the second
        assertThat(clock.instant()).isEqualTo(START.plusMillis(1_500));
    }

    @Test
    void afterMaxAttemptsOfUnknownOutcomesItGivesUpNamingTheRequest() {
        assertThatThrownBy(() -> sendOnce.send("call batch \"x\"", answers(unknown(), unknown(), unknown()),
                lookUps(Optional.empty(), Optional.empty(), Optional.empty())))
            .isInstanceOf(CartesiaException.class)
            .isNotInstanceOf(OutcomeUnknownException.class)
            .hasMessage("call batch \"x\": outcome unknown after 3 attempts, and Cartesia does not show it; "
                    + "the next run looks again");
        assertThat(sent).hasValue(3);
    }

    @Test
    void aRefusalIsNotLookedUpNorSentAgain() {
        CartesiaApiException refused = new CartesiaApiException("Create Call Batch", 400, null, "Bad Request", "no", null);

        assertThatThrownBy(() -> sendOnce.send("create", answers(refused), lookUps())).isSameAs(refused);
        assertThat(sent).hasValue(1);
        assertThat(lookedUp).hasValue(0);
    }

    @Test
    void aStopLooksAtOnceAndAdoptsWhatTookEffect() {
        stop.request(Duration.ofSeconds(30));

        String answer = sendOnce.send("create", answers(unknown()), lookUps(Optional.of("found")));

        assertThat(answer).isEqualTo("found");
        assertThat(clock.instant()).as("no wait before the look").isEqualTo(START);
    }

    @Test
    void aStopNeverSendsAgainWhatCartesiaDoesNotShow() {
        stop.request(Duration.ofSeconds(30));

        assertThatThrownBy(() -> sendOnce.send("call batch \"x\"", answers(unknown(), "created"), lookUps(Optional.empty())))
            .isInstanceOf(StopRequestedException.class)
            .hasMessage("call batch \"x\": not sent again as bulkcall stops");
        assertThat(sent).hasValue(1);
    }

    private Supplier<String> answers(Object... answers) {
        Queue<Object> queue = new ArrayDeque<>(List.of(answers));
        return () -> {
            sent.incrementAndGet();
            Object next = queue.remove();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (String) next;
        };
    }

    @SafeVarargs
    private Supplier<Optional<String>> lookUps(Optional<String>... answers) {
        Queue<Optional<String>> queue = new ArrayDeque<>(List.of(answers));
        return () -> {
            lookedUp.incrementAndGet();
            return queue.remove();
        };
    }

    private static OutcomeUnknownException unknown() {
        return new OutcomeUnknownException("Create Call Batch: outcome unknown (response timeout)", "x", null);
    }

    private static BulkcallProperties settings(String maxAttempts, String initialBackoff) {
        return new Binder(List.of(new MapConfigurationPropertySource(Map.of("bulkcall.cartesia.max-attempts", maxAttempts,
                "bulkcall.cartesia.initial-backoff", initialBackoff))), null, CallingWindowSettings.conversionService())
            .bindOrCreate("bulkcall", BulkcallProperties.class);
    }
}
