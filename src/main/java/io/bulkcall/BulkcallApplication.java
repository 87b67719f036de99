package io.bulkcall;

import java.time.Clock;

import io.bulkcall.cli.BulkcallLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * bulkcall: file-driven bulk calling for Cartesia voice agents. See README.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BulkcallApplication {

    public static void main(String[] args) {
        System.exit(BulkcallLauncher.launch(args));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
