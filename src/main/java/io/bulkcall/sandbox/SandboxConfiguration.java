package io.bulkcall.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.bulkcall.cartesia.CartesiaConnectionDetails;
import io.bulkcall.time.JumpingWaiter;
import io.bulkcall.time.SimulatedClock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The {@code sandbox} profile: points the Cartesia client at a {@link SandboxServer} in place of the
 * configured API, so the real HTTP client code runs against a local stand-in with no API key. The
 * server starts when the client first asks where it is (a command that calls Cartesia asks as it
 * starts) and stops with the context: a command that calls nobody ({@code status}, {@code validate},
 * {@code purge}) starts none, and so runs beside a sandbox run, whose server holds the state folder.
 * <p>
 * The job and the stand-in share one {@link SimulatedClock}, which takes the place of the
 * application's system clock, and the job waits on it with a {@link JumpingWaiter}: a wait for a
 * calling window or between two polls takes no time, and the sandbox's calls progress in the
 * same simulated time. The server keeps its batches in {@code bulkcall.sandbox.state-dir}, so a
 * stopped sandbox job can be restarted; the clock starts where the last run there left off, or at
 * the system clock's now if that is later, so that time never goes back from one run to the next.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(SandboxSettings.class)
class SandboxConfiguration {

    @Bean
    SimulatedClock sandboxClock(SandboxSettings settings) {
        Instant start = settings.start() != null ? settings.start() : Clock.systemUTC().instant();
        Optional<Instant> lastRun = Optional.ofNullable(settings.stateFolder()).flatMap(StateFolder::lastInstant);
        return new SimulatedClock(lastRun.filter(start::isBefore).orElse(start));
    }

    @Bean
    JumpingWaiter sandboxWaiter(SimulatedClock sandboxClock) {
        return new JumpingWaiter(sandboxClock);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @Lazy
    SandboxServer sandboxServer(SandboxSettings settings, SimulatedClock sandboxClock) {
        Path stateFolder = settings.stateFolder();
        return stateFolder == null ? new SandboxServer(settings, sandboxClock)
                : new SandboxServer(settings, sandboxClock, stateFolder);
    }

    @Bean
    @Primary
    CartesiaConnectionDetails sandboxConnectionDetails(ObjectProvider<SandboxServer> sandboxServer) {
        return new SandboxConnectionDetails(sandboxServer::getObject);
    }
}
