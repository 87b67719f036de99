package io.bulkcall.cli;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Warns of a secret given on the command line: every user of the machine can read a process's command
 * line while it runs ({@code ps}), and the shell keeps it in its history. The README gives the API key
 * and the job database's password as environment variables, readable by their owner alone; on the
 * command line they still work, with a line that says where they belong.
 */
final class CommandLineSecrets implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(CommandLineSecrets.class);

    /** Each secret setting, and the variable the README gives it in. */
    private static final Map<ConfigurationPropertyName, String> SECRETS = Map.of(
            ConfigurationPropertyName.of("bulkcall.cartesia.api-key"), "CARTESIA_API_KEY",
            ConfigurationPropertyName.of("spring.datasource.password"), "BULKCALL_DB_PASSWORD");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)
                instanceof EnumerablePropertySource<?> commandLine) {
            for (String option : commandLine.getPropertyNames()) {
                String variable = SECRETS.get(ConfigurationPropertyName.adapt(option, '.'));
                Object value = commandLine.getProperty(option);
                if (variable != null && value != null && !value.toString().isBlank()) {
                    log.warn("--{} puts a secret on the command line, where every user of this machine can read it "
                            + "while bulkcall runs (ps) and the shell keeps it in its history; set {} in the "
                            + "environment instead", option, variable);
                }
            }
        }
    }
}
