package io.bulkcall.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Where a bad setting was set, when not on the command line: an operator who finds no
 * {@code bulkcall.batch.size} in the command cron runs has to be told that it came from the variable
 * {@code BULKCALL_BATCH_SIZE} of a systemd unit, or from a {@code config/application.yml} that Spring
 * Boot read from the folder bulkcall runs in, which the operator may not know is read at all.
 */
final class SettingOrigins {

    /** A problem's line starts with the setting it is about, as {@code --name=value} writes it. */
    private static final Pattern LEADING_SETTING = Pattern.compile("^([a-z][a-z0-9._\\-\\[\\]]*)[=:]");

    private SettingOrigins() {
    }

    /** The problem, followed by where its setting was set, in brackets, where that was not the command line. */
    static String named(ConfigurableEnvironment environment, String problem) {
        Matcher setting = LEADING_SETTING.matcher(problem);
        if (!setting.find()) {
            return problem;
        }
        return origin(environment, setting.group(1)).map(where -> problem + " (" + where + ")").orElse(problem);
    }

    private static Optional<String> origin(ConfigurableEnvironment environment, String setting) {
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(setting, '.');
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property != null) {
                return described(property.getOrigin(), setting);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> described(Origin origin, String setting) {
        while (origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null) {
            origin = wrapper.getOrigin();
        }
        if (origin instanceof SystemEnvironmentOrigin variable) {
            return Optional.of("environment variable " + variable.getProperty());
        }
        if (origin instanceof TextResourceOrigin text && text.getResource() != null && text.getResource().isFile()) {
            return fileOf(text).map(file -> file + (text.getLocation() == null ? ""
                    : ", line " + (text.getLocation().getLine() + 1)));
        }
        if (origin instanceof PropertySourceOrigin property && property.getPropertySource()
            .getName()
            .equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            return Optional.of("Java system property -D" + setting);
        }
        return Optional.empty();
    }

    private static Optional<String> fileOf(TextResourceOrigin text) {
        try {
            return Optional.of(text.getResource().getFile().getPath());
        }
        catch (IOException notAFile) {
            return Optional.empty();
        }
    }
}
