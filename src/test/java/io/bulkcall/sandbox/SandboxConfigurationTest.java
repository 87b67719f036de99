package io.bulkcall.sandbox;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.bulkcall.cartesia.CartesiaConnectionDetails;
import io.bulkcall.config.ApiKey;
import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The {@code sandbox} profile's wiring, on its own: no application, no database. */
class SandboxConfigurationTest {

    private record ConfiguredConnectionDetails(String baseUrl, ApiKey apiKey) implements CartesiaConnectionDetails {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SandboxConfiguration.class)
            .withInitializer(context -> context.getEnvironment().setActiveProfiles("sandbox"));

    @Test
    void sandboxProfileStartsTheServerAndPointsTheClientAtIt() {
        runner.run(context -> {
            SandboxServer sandbox = context.getBean(SandboxServer.class);
            CartesiaConnectionDetails details = context.getBean(CartesiaConnectionDetails.class);

            assertThat(details.baseUrl()).isEqualTo(sandbox.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(details.apiKey()).isEqualTo(new ApiKey("sandbox"));
            assertThat(new SandboxHttp(sandbox).get(BATCHES).status()).isEqualTo(200);
        });
    }

    @Test
    void sandboxConnectionDetailsWinOverTheConfiguredOnes() {
        runner.withBean("configuredConnectionDetails", CartesiaConnectionDetails.class,
                () -> new ConfiguredConnectionDetails("https://api.cartesia.ai", new ApiKey("sk_car_real")))
                .run(context -> assertThat(context.getBean(CartesiaConnectionDetails.class).baseUrl())
                        .isEqualTo(context.getBean(SandboxServer.class).baseUrl()));
    }

    @Test
    void closingTheContextStopsTheServer() {
        // given
        AtomicReference<SandboxServer> sandbox = new AtomicReference<>();

        // when
        runner.run(context -> sandbox.set(context.getBean(SandboxServer.class)));

        // then
        assertThatThrownBy(() -> new SandboxHttp(sandbox.get()).get(BATCHES))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void withoutTheSandboxProfileNothingStarts() {
        new ApplicationContextRunner().withUserConfiguration(SandboxConfiguration.class)
                .run(context -> assertThat(context).doesNotHaveBean(SandboxServer.class)
                        .doesNotHaveBean(CartesiaConnectionDetails.class));
    }

    @Test
    void unsetPropertiesGiveTheDefaultSettings() {
        runner.run(context -> assertThat(context.getBean(SandboxServer.class).settings())
                .isEqualTo(SandboxSettings.defaults()));
    }

    @Test
    void emptyIdsAcceptAnyAgentAndNumber() {
        runner.withPropertyValues("bulkcall.sandbox.agent-id=", "bulkcall.sandbox.from-number-id=")
                .run(context -> assertThat(context.getBean(SandboxServer.class).settings())
                        .isEqualTo(SandboxSettings.defaults().withIds(null, null)));
    }

    @Test
    void invalidSettingStopsTheContextNamingIt() {
        runner.withPropertyValues("bulkcall.sandbox.failure-rate=1.5")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("failureRate"));
    }

    @Test
    void applicationSandboxYmlTunesTheSandboxForTheSampleAndMatchesTheAppsIds() {
        runner.withInitializer(context -> loadApplicationSandboxYml(context.getEnvironment())).run(context -> {
            SandboxSettings settings = context.getBean(SandboxServer.class).settings();

            assertThat(settings).isEqualTo(SandboxSettings.defaults()
                    .withOrgConcurrencyLimit(20)
                    .withDurations(Duration.ofMillis(200), Duration.ofMillis(800)));
            assertThat(context.getEnvironment().getProperty("bulkcall.agent-id")).isEqualTo(settings.agentId());
            assertThat(context.getEnvironment().getProperty("bulkcall.from-number-id"))
                    .isEqualTo(settings.fromNumberId());
        });
    }

    private static void loadApplicationSandboxYml(ConfigurableEnvironment environment) {
        try {
            new YamlPropertySourceLoader()
                    .load("application-sandbox.yml", new ClassPathResource("application-sandbox.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
