package io.bulkcall.cartesia;

import java.time.Clock;

import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.InvalidSettingException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the client is wired: from the settings by default, from another connection details bean
 * (the sandbox's) when there is one, and not at all without an API key.
 */
class CartesiaClientConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, CartesiaClientConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(WebClient.Builder.class, WebClient::builder)
            .withPropertyValues("bulkcall.agent-id=agent_1", "bulkcall.from-number-id=ap_1");

    @Test
    void blankApiKeyStopsTheStartNamingTheSetting() {
        contextRunner.withPropertyValues("bulkcall.cartesia.api-key= ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidSettingException.class)
                    .hasMessage("CARTESIA_API_KEY is not set: export your Cartesia API key, or run with "
                            + "--spring.profiles.active=sandbox");
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
