package io.bulkcall;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BulkcallApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(BulkcallApplication.class, args)));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
