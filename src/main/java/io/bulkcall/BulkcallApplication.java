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

    /**
     * H2's cache of values: H2 looks every string a statement is given up in a table of its own (to share
     * equal ones), hashing each. Staged rows rarely repeat a value, and on a large file that lookup took
     * a tenth of the validate step's thread (a flight recording of a million rows). Off unless the JVM is
     * started with the property.
     */
    private static final String H2_VALUE_CACHE = "h2.objectCache";

    public static void main(String[] args) {
        if (System.getProperty(H2_VALUE_CACHE) == null) {
            System.setProperty(H2_VALUE_CACHE, "false");
        }
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
