package io.bulkcall.metrics;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the Pushgateway push off for a command that runs no job ({@code status}, {@code validate},
 * {@code cancel}, {@code purge}): its push would replace the last run's figures in the node's group with
 * the empty ones of a process that ran nothing. Takes precedence over every other setting.
 */
public final class NoPush implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PUSHGATEWAY = "management.prometheus.metrics.export.pushgateway.";
    static final String ENABLED = PUSHGATEWAY + "enabled";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("bulkcall: a command that runs no job pushes no metrics", Map.of(ENABLED, "false")));
    }
}
