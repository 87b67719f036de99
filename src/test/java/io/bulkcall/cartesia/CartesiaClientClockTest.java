package io.bulkcall.cartesia;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing that starts dialing is sent while this machine's clock and Cartesia's, by the {@code Date}
 * of its last answer, are more than a minute apart: calling windows are kept on this machine's clock.
 */
class CartesiaClientClockTest {

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    private final CartesiaClient client = CartesiaTestClients.client(cartesia.baseUrl(),
            new RecordingWaiter(CartesiaTestClients.CLOCK));

    @Test
    void aCreateAfterAnAnswerDatedTwentyMinutesAheadIsNotSentSayingHowFarThisClockIsBehind() {
        // given
        answerListDated(Instant.now().plus(Duration.ofMinutes(20)).plusSeconds(30));

        // when, then
        assertThatThrownBy(() -> client.createCallBatch(request())).isInstanceOf(CartesiaException.class)
            .hasMessage("Create Call Batch \"March outreach\" not sent: this machine's clock is 20m behind Cartesia's "
                    + "(by the Date of its last answer), so calling windows would open and close at the wrong times "
                    + "for Cartesia, which dials; set this machine's clock right (NTP), then go on");
        cartesia.verify(0, postRequestedFor(urlEqualTo("/agents/calls/batches")));
    }

    @Test
    void aRetryAfterAnAnswerDatedTwoMinutesBehindIsNotSent() {
        // given
        answerListDated(Instant.now().minus(Duration.ofMinutes(2)).minusSeconds(30));

        // when, then
        assertThatThrownBy(() -> client.retryCallBatch("acb_1")).isInstanceOf(CartesiaException.class)
            .hasMessageStartingWith("Retry Call Batch acb_1 not sent: this machine's clock is 2m ahead of Cartesia's");
        cartesia.verify(0, postRequestedFor(urlEqualTo("/agents/calls/batches/acb_1/retry")));
    }

    @Test
    void aCreateAfterAnAnswerDatedWithinAMinuteIsSent() {
        // given
        answerListDated(Instant.now().plusSeconds(40));
        cartesia.stubFor(post("/agents/calls/batches").willReturn(okJson(fixture("create-response.json")).withStatus(201)));

        // when
        CallBatch batch = client.createCallBatch(request());

        // then
        assertThat(batch.id()).isEqualTo("acb_PDWFN995PzAudChwFDqVZ2");
    }

    private void answerListDated(Instant date) {
        cartesia.stubFor(get(urlPathEqualTo("/agents/calls/batches"))
            .willReturn(okJson("{\"data\": [], \"has_more\": false}")
                .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)))));
        client.listCallBatches("agent_1", null, 10);
    }

    private static CreateCallBatchRequest request() {
        return new CreateCallBatchRequest("March outreach", "agent_Fo7pKNBUwLZxrTd6jvhpaE", "ap_Q8PRh7lXyZsawXJmN2KcT5",
                List.of(new CallRecipient("+14155559876", null, null)), null, null, null, null);
    }
}
