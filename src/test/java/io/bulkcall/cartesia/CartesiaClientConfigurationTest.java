package io.bulkcall.cartesia;

import java.time.Clock;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.InvalidSettingException;
import io.bulkcall.time.SleepingWaiter;
import io.bulkcall.time.StopSignal;
import io.bulkcall.time.Waiter;
import io.bulkcall.window.CallingWindowConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.bulkcall.cartesia.CartesiaTestClients.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the client is wired: from the settings by default, from another connection details bean
 * (the sandbox's) when there is one, on Boot's auto-configured WebClient builder, and without an
 * API key too, which it then asks for only when it is to send a request.
 */
class CartesiaClientConfigurationTest {

    @RegisterExtension
    static WireMockExtension cartesia = CartesiaTestClients.wireMock();

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, CallingWindowConfiguration.class, CartesiaClientConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(Waiter.class, () -> new SleepingWaiter(Clock.systemUTC()))
            .withBean(StopSignal.class, StopSignal::new)
            .withBean(WebClient.Builder.class, WebClient::builder)
            .withPropertyValues("bulkcall.agent-id=agent_1", "bulkcall.from-number-id=ap_1");

    @Test
    void withoutApiKeyTheClientIsBuiltAndRefusesToSendNamingTheSetting() {
        contextRunner.withPropertyValues("bulkcall.cartesia.api-key= ").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CartesiaClient.class);
            assertThatExceptionOfType(InvalidSettingException.class)
                    .isThrownBy(() -> context.getBean(CartesiaClient.class).getCallBatch("acb_1"))
                    .withMessage("CARTESIA_API_KEY is not set: export your Cartesia API key, or run with "
                            + "--spring.profiles.active=sandbox");
        });
    }

    @Test
    void bootsAutoConfiguredWebClientRunsOnTheJdkClientWithoutReactorNetty() {
        // given
        cartesia.stubFor(get("/agents/calls/batches/acb_1").willReturn(okJson(fixture("get-batch-response.json"))));

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
                        ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
                .withUserConfiguration(Settings.class, CallingWindowConfiguration.class, CartesiaClientConfiguration.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(Waiter.class, () -> new SleepingWaiter(Clock.systemUTC()))
                .withBean(StopSignal.class, StopSignal::new)
                .withPropertyValues("bulkcall.agent-id=agent_1", "bulkcall.from-number-id=ap_1",
                        "bulkcall.cartesia.api-key=sk_car_test", "bulkcall.cartesia.base-url=" + cartesia.baseUrl())
                .run(context -> {
                    // when
                    CallBatch batch = context.getBean(CartesiaClient.class).getCallBatch("acb_1");

                    // then
                    assertThat(ClassUtils.isPresent("reactor.netty.http.client.HttpClient", null)).isFalse();
                    assertThat(context.getBean(ClientHttpConnector.class)).isInstanceOf(JdkClientHttpConnector.class);
                    assertThat(batch.status()).isEqualTo(CallBatchStatus.IN_PROGRESS);
                    cartesia.verify(1, getRequestedFor(urlEqualTo("/agents/calls/batches/acb_1"))
                            .withHeader("Authorization", equalTo("Bearer sk_car_test")));
                });
    }

    @Test
    void connectionDetailsComeFromTheSettings() {
        contextRunner.withPropertyValues("bulkcall.cartesia.api-key=sk_car_test",
                "bulkcall.cartesia.base-url=http://localhost:9999").run(context -> {
            assertThat(context).hasSingleBean(CartesiaClient.class);
            assertThat(context.getBean(CartesiaConnectionDetails.class).baseUrl()).isEqualTo("http://localhost:9999");
            assertThat(context.getBean(CartesiaConnectionDetails.class)).asString().doesNotContain("sk_car_test");
        });
    }

    @Test
    void anotherConnectionDetailsBeanTakesThePlaceOfTheSettings() {
        contextRunner.withUserConfiguration(Sandbox.class).run(context -> {
            assertThat(context).hasSingleBean(CartesiaClient.class);
            assertThat(context.getBean(CartesiaConnectionDetails.class).baseUrl()).isEqualTo("http://localhost:1");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BulkcallProperties.class)
    static class Settings {
    }

    @Configuration(proxyBeanMethods = false)
    static class Sandbox {

        @Bean
        @Primary
        CartesiaConnectionDetails sandboxConnectionDetails() {
            return new PropertiesCartesiaConnectionDetails("http://localhost:1", new ApiKey("sandbox"));
        }
    }
}
