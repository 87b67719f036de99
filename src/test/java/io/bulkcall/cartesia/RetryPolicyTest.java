package io.bulkcall.cartesia;

import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.bulkcall.cartesia.RetryPolicy.Resend;
import io.bulkcall.cartesia.RetryPolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.bulkcall.cartesia.CartesiaTestClients.CLOCK;
import static io.bulkcall.cartesia.CartesiaTestClients.MAX_ATTEMPTS;
import static io.bulkcall.cartesia.CartesiaTestClients.MAX_BACKOFF;
import static io.bulkcall.cartesia.CartesiaTestClients.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failure is tried again for which kind of request, and how long the policy waits first.
 */
class RetryPolicyTest {

    private final RetryPolicy policy = policy(0.5);

    @ParameterizedTest(name = "{0} of a {1} request after attempt 1: {2}")
    @CsvSource({
            "REJECTED,     SAFE,           GIVE_UP",
            "NOT_SENT,     SAFE,           RETRY",
            "THROTTLED,    SAFE,           RETRY",
            "LOST,         SAFE,           RETRY",
            "SERVER_ERROR, SAFE,           RETRY",
            "BROKEN,       SAFE,           GIVE_UP",
            "REJECTED,     ONLY_IF_UNSENT, GIVE_UP",
            "NOT_SENT,     ONLY_IF_UNSENT, RETRY",
            "THROTTLED,    ONLY_IF_UNSENT, RETRY",
            "LOST,         ONLY_IF_UNSENT, OUTCOME_UNKNOWN",
            "SERVER_ERROR, ONLY_IF_UNSENT, OUTCOME_UNKNOWN",
            "BROKEN,       ONLY_IF_UNSENT, OUTCOME_UNKNOWN" })
    void decidesByFailureAndKindOfRequest(Failure.Kind kind, Resend resend, Verdict expected) {
        // given
        Failure failure = new Failure(kind, "why", null, null);

        // when
        Verdict verdict = policy.verdict(resend, failure, 1);

        // then
        assertThat(verdict).isEqualTo(expected);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        // given
        Failure throttled = new Failure(Failure.Kind.THROTTLED, "429", null, null);

        // when
        Verdict verdict = policy.verdict(Resend.SAFE, throttled, MAX_ATTEMPTS);

        // then
        assertThat(verdict).isEqualTo(Verdict.GIVE_UP);
    }

    @Test
    void refusedConnectionMeansTheRequestWasNotSent() {
        // when
        Failure failure = Failure.thrown(new RuntimeException(new ConnectException("Connection refused")));

        // then
        assertThat(failure.kind()).isEqualTo(Failure.Kind.NOT_SENT);
        assertThat(failure.why()).isEqualTo("Connection refused");
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0.0, 0.5, 0.999 })
    void jitterKeepsTheWaitBetweenHalfAndAllOfTheExponentialBackoff(double random) {
        // given
        RetryPolicy jittered = policy(random);

        // when
        Duration wait = jittered.backoff(3, failure(null));

        // then: the third wait is 100 ms doubled twice
        assertThat(wait).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void waitNeverExceedsMaxBackoff() {
        // when
        Duration wait = policy(0.999).backoff(40, failure(null));

        // then
        assertThat(wait).isLessThanOrEqualTo(MAX_BACKOFF).isGreaterThan(MAX_BACKOFF.dividedBy(2));
    }

    @Test
    void retryAfterDateInThePastMeansNoWait() {
        // given
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(10).atZone(ZoneOffset.UTC));

        // when
        Duration wait = policy.backoff(1, failure(past));

        // then
        assertThat(wait).isZero();
    }

    @Test
    void unreadableRetryAfterFallsBackToTheExponentialBackoff() {
        // when
        Duration wait = policy.backoff(1, failure("soon"));

        // then
        assertThat(wait).isEqualTo(Duration.ofMillis(75));
    }

    private static Failure failure(String retryAfter) {
        return new Failure(Failure.Kind.THROTTLED, "429", null, retryAfter);
    }

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(CartesiaTestClients.settings("http://localhost", CartesiaTestClients.RESPONSE_TIMEOUT),
                CLOCK, () -> random);
    }
}
