package io.bulkcall.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.bulkcall.cartesia.CartesiaConnectionDetails;
import io.bulkcall.config.ApiKey;
import io.bulkcall.time.JumpingWaiter;
import io.bulkcall.time.SimulatedClock;
import io.bulkcall.time.SleepingWaiter;
import io.bulkcall.time.Waiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.config.BeanDefinitionCustomizer;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code sandbox} profile's wiring, on its own: no application, no database. Each test's
 * sandbox keeps its state in a folder of its own.
 */
class SandboxConfigurationTest {

    private record ConfiguredConnectionDetails(String baseUrl, ApiKey apiKey) implements CartesiaConnectionDetails {
    }

    @EnableConfigurationProperties(SandboxSettings.class)
    static class PropertiesOnly {
    }

    @ConfigurationPropertiesScan(basePackageClasses = SandboxSettings.class)
    static class ScannedProperties {
    }

    @TempDir
    Path stateDir;

    private ApplicationContextRunner runner;

    @BeforeEach
    void sandboxProfileOnATemporaryStateDir() {
        runner = new ApplicationContextRunner()
                .withUserConfiguration(SandboxConfiguration.class)
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("sandbox"))
                .withPropertyValues("bulkcall.sandbox.state-dir=" + stateDir);
    }

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
    void aPropertiesScanBindsTheSettingsInTheSandboxProfileOnly() {
        // given
        ApplicationContextRunner scanning = new ApplicationContextRunner()
                .withUserConfiguration(ScannedProperties.class);

        // when, then
        scanning.run(context -> assertThat(context).doesNotHaveBean(SandboxSettings.class));
        scanning.withInitializer(context -> context.getEnvironment().setActiveProfiles("sandbox"))
                .run(context -> assertThat(context).hasSingleBean(SandboxSettings.class));
    }

    @Test
    void unsetPropertiesGiveTheDefaultSettings() {
        new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
                .run(context -> assertThat(context.getBean(SandboxSettings.class))
                        .isEqualTo(SandboxSettings.defaults()));
    }

    @Test
    void serverRunsOnTheBoundSettings() {
        runner.withPropertyValues("bulkcall.sandbox.seed=7", "bulkcall.sandbox.welcome-message=Hello {{ name }}.")
                .run(context -> assertThat(context.getBean(SandboxServer.class).settings())
                        .extracting(SandboxSettings::seed, SandboxSettings::welcomeMessage, SandboxSettings::stateFolder)
                        .containsExactly(7L, "Hello {{ name }}.", stateDir));
    }

    @Test
    void emptyIdsAcceptAnyAgentAndNumber() {
        runner.withPropertyValues("bulkcall.sandbox.agent-id=", "bulkcall.sandbox.from-number-id=")
                .run(context -> assertThat(context.getBean(SandboxServer.class).settings())
                        .extracting(SandboxSettings::agentId, SandboxSettings::fromNumberId).containsOnlyNulls());
    }

    @Test
    void stateDirDefaultsToAFolderUnderData() {
        assertThat(SandboxSettings.defaults().stateFolder()).isEqualTo(Path.of("data/sandbox-cartesia"));
    }

    @Test
    void simulatedClockAndJumpingWaiterTakeThePlaceOfTheApplicationsFallbacks() {
        runner.withBean("clock", Clock.class, Clock::systemUTC, fallback())
                .withBean("waiter", Waiter.class, () -> new SleepingWaiter(Clock.systemUTC()), fallback())
                .run(context -> {
                    assertThat(context.getBean(Clock.class)).isSameAs(context.getBean(SimulatedClock.class));
                    assertThat(context.getBean(Waiter.class)).isInstanceOf(JumpingWaiter.class);
                });
    }

    @Test
    void waitingOnTheApplicationsClockLetsTheSandboxsCallsEnd() {
        runner.run(context -> {
            // given
            SandboxHttp api = new SandboxHttp(context.getBean(SandboxServer.class));
            String id = api.create(CreateRequests.sample()).get("id").asString();
            Instant inAnHour = context.getBean(Clock.class).instant().plus(Duration.ofHours(1));

            // when
            boolean waited = context.getBean(Waiter.class).waitUntil(inAnHour, () -> false);

            // then
            JsonNode batch = api.get(BATCHES + "/" + id).body();
            assertThat(waited).isTrue();
            assertThat(batch.get("total_calls_finished").asInt()).isEqualTo(2);
        });
    }

    @Test
    void sandboxKeepsItsBatchesInTheStateDirForTheNextRun() {
        // given
        AtomicReference<String> created = new AtomicReference<>();
        runner.run(context -> created.set(new SandboxHttp(context.getBean(SandboxServer.class))
                .create(CreateRequests.sample()).get("id").asString()));

        // when, then
        runner.run(context -> assertThat(context.getBean(SandboxServer.class).batch(created.get())).isPresent());
    }

    @Test
    void emptyStateDirKeepsTheBatchesInMemoryOnly() {
        // given
        ApplicationContextRunner inMemory = runner.withPropertyValues("bulkcall.sandbox.state-dir=");
        inMemory.run(context -> new SandboxHttp(context.getBean(SandboxServer.class)).create(CreateRequests.sample()));

        // when, then
        inMemory.run(context -> assertThat(context.getBean(SandboxServer.class).batches()).isEmpty());
    }

    @Test
    void clockStartsWhereTheLastRunOnTheStateDirStoppedWhenThatIsLater() {
        // given a run whose clock was moved a day ahead
        SimulatedClock lastRun = new SimulatedClock(Instant.now().plus(Duration.ofDays(1)));
        try (SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults(), lastRun, stateDir).start()) {
            lastRun.advance(Duration.ofHours(2));
            new SandboxHttp(sandbox).get(BATCHES);
        }

        // when, then
        runner.run(context -> assertThat(context.getBean(Clock.class).instant())
                .isEqualTo(lastRun.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    @Test
    void clockStartsAtTheSystemClocksNowWhenTheLastRunIsOlder() {
        // given a run in March 2026
        SimulatedClock lastRun = new SimulatedClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults(), lastRun, stateDir).start()) {
            new SandboxHttp(sandbox).get(BATCHES);
        }
        Instant before = Instant.now();

        // when, then
        runner.run(context -> assertThat(context.getBean(Clock.class).instant()).isAfterOrEqualTo(before));
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

            assertThat(settings).usingRecursiveComparison().ignoringFields("stateDir")
                    .isEqualTo(SandboxSettings.defaults().with(sandbox -> {
                        sandbox.orgConcurrencyLimit = 4;
                        sandbox.ringDuration = Duration.ofSeconds(15);
                        sandbox.callDuration = Duration.ofMinutes(2);
                    }));
            assertThat(context.getEnvironment().getProperty("bulkcall.agent-id")).isEqualTo(settings.agentId());
            assertThat(context.getEnvironment().getProperty("bulkcall.from-number-id"))
                    .isEqualTo(settings.fromNumberId());
        });
    }

    private static BeanDefinitionCustomizer fallback() {
        return definition -> ((AbstractBeanDefinition) definition).setFallback(true);
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
