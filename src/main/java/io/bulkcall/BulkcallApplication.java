package io.bulkcall;

import java.time.Clock;

import io.bulkcall.cli.BulkcallLauncher;
import io.bulkcall.time.SleepingWaiter;
import io.bulkcall.time.StopSignal;
import io.bulkcall.time.Waiter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;

/**
 * bulkcall: file-driven bulk calling for Cartesia voice agents. See README.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BulkcallApplication {

    public static void main(String[] args) {
        System.exit(BulkcallLauncher.launch(BulkcallApplication.class, args));
    }

    /** The system clock; the sandbox and tests define a simulated one in its place. */
    @Bean
    @Fallback
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Whether Ctrl-C or SIGTERM asked the process to stop, and by when. */
    @Bean
    StopSignal stopSignal() {
        return new StopSignal();
    }

    /** Waits by sleeping; beside a simulated clock, a waiter that moves it takes its place. */
    @Bean
    @Fallback
    Waiter waiter(Clock clock) {
        return new SleepingWaiter(clock);
    }
}
