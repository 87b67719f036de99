package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.bulkcall.BulkcallApplication;
import io.bulkcall.cartesia.CartesiaConnectionDetails;
import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.LeaseRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.time.JumpingWaiter;
import io.bulkcall.time.SimulatedClock;
import io.bulkcall.time.StopSignal;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The application context of a {@link StepTest}: bulkcall's beans as {@link BulkcallApplication}
 * finds them, except the application class itself, whose system clock and sleeping waiter give way
 * to a simulated clock and a waiter that moves it, and except the command runner, which would
 * process the input folder as soon as the context started. Not a {@code @Configuration}: the
 * whole-job tests launch bulkcall in this JVM, and its component scan would find one on the test
 * classpath.
 */
@EnableAutoConfiguration
@ConfigurationPropertiesScan(basePackageClasses = BulkcallApplication.class)
@EnableConfigurationProperties(SandboxSettings.class) // the scan binds them in the sandbox profile only
@ComponentScan(basePackageClasses = BulkcallApplication.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM,
                classes = { TypeExcludeFilter.class, AutoConfigurationExcludeFilter.class }),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = { BulkcallApplication.class, ApplicationRunner.class }) })
class StepTestConfiguration {

    @Bean
    SimulatedClock simulatedClock() {
        return new SimulatedClock(BulkcallWorkspaces.START);
    }

    @Bean
    JumpingWaiter jumpingWaiter(SimulatedClock clock) {
        return new JumpingWaiter(clock);
    }

    @Bean
    StopSignal stopSignal() {
        return new StopSignal();
    }

    /** In memory, whatever {@code bulkcall.sandbox.state-dir} says, so that {@link FreshStepState} can reset it. */
    @Bean(destroyMethod = "close")
    SandboxServer sandboxServer(SandboxSettings settings, SimulatedClock clock) {
        return new SandboxServer(settings, clock).start();
    }

    @Bean
    CartesiaConnectionDetails sandboxConnectionDetails(SandboxServer sandboxServer) {
        return new SandboxConnection(sandboxServer.baseUrl(), new ApiKey(TestKeys.API_KEY));
    }

    @Bean
    DatabaseFaults databaseFaults(JdbcTemplate jdbc) {
        return new DatabaseFaults(jdbc);
    }

    @Bean
    JobSteps jobSteps(JobOperatorTestUtils jobOperatorTestUtils, JobRepository jobRepository, JobRecordRepository jobs,
            CallBatchRepository batches, RecipientRepository recipients, LeaseRepository leases,
            BulkcallProperties properties, SimulatedClock clock) {
        return new JobSteps(jobOperatorTestUtils, jobRepository, jobs, batches, recipients, leases, properties.inputDir(),
                clock);
    }

    private record SandboxConnection(String baseUrl, ApiKey apiKey) implements CartesiaConnectionDetails {
    }

    /**
     * Gives each context a folder of its own, for the input files and the reports, deleted when the
     * context closes, and a job database of its own in memory, gone with its last connection.
     */
    static final class OwnFolderAndDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Path folder;
            try {
                folder = Files.createTempDirectory("bulkcall-steps-");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TestPropertyValues.of("bulkcall.input-dir=" + folder.resolve("input"),
                    "bulkcall.output-dir=" + folder.resolve("output"),
                    "spring.datasource.url=jdbc:h2:mem:" + folder.getFileName())
                .applyTo(context);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    delete(folder);
                }
            });
        }

        private static void delete(Path folder) {
            try {
                FileSystemUtils.deleteRecursively(folder);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
