package io.bulkcall.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.groups.Default;

import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.Dialing;
import io.bulkcall.config.InvalidSettingException;
import io.bulkcall.config.SettingProblems;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.validation.PhoneNumberNormalizer;
import io.bulkcall.window.CallingWindowSettings;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Checks every setting the command needs before the application context starts, so before the job
 * database or the network is touched: a bad setting ends the run with exit code 2 and one line naming
 * each bad setting and its rule, whatever else is going on (another process holding the database,
 * Cartesia unreachable). The same records and rules as the context's own binding; what only a command
 * that dials needs ({@link Dialing}: agent, phone number, API key) is asked of those commands alone.
 */
final class SettingsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final boolean dials;

    /** @param dials whether the command calls Cartesia ({@code run}, {@code restart}, {@code cancel}) */
    SettingsCheck(boolean dials) {
        this.dials = dials;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Binder binder = new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment), CallingWindowSettings.conversionService());
        boolean sandbox = environment.acceptsProfiles(Profiles.of("sandbox"));
        List<String> problems = new ArrayList<>();
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            Validator validator = validation.getValidator();
            BulkcallProperties settings = bind(binder, "bulkcall", BulkcallProperties.class, validator, problems);
            if (sandbox) {
                bind(binder, "bulkcall.sandbox", SandboxSettings.class, validator, problems);
            }
            if (dials && !sandbox) {
                binder.bind("bulkcall.cartesia.api-key", ApiKey.class)
                    .orElseGet(() -> new ApiKey(null))
                    .problem()
                    .ifPresent(problem -> problems.add("CARTESIA_API_KEY " + problem));
            }
            if (settings != null && problems.isEmpty()) {
                checkBeyondAnnotations(settings, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingException(String.join("; ", problems));
        }
    }

    /**
     * Binds a settings record and checks all of its rules at once, so that every bad setting of the
     * tree is named, not only the first one found; {@code null} when it does not bind or breaks a rule.
     */
    private <T> T bind(Binder binder, String prefix, Class<T> type, Validator validator, List<String> problems) {
        T settings;
        try {
            settings = binder.bindOrCreate(prefix, Bindable.of(type));
        }
        catch (BindException unbindable) {
            problems.add(SettingProblems.describe(unbindable));
            return null;
        }
        Class<?>[] groups = dials ? new Class<?>[] { Default.class, Dialing.class } : new Class<?>[] { Default.class };
        List<String> broken = validator.validate(settings, groups)
            .stream()
            .map(violation -> SettingProblems.describe(prefix, violation))
            .sorted()
            .toList();
        problems.addAll(broken);
        return broken.isEmpty() ? settings : null;
    }

    /** Rules no annotation can say; looked at only once the rest holds, so nothing is named twice. */
    private static void checkBeyondAnnotations(BulkcallProperties settings, List<String> problems) {
        try {
            new PhoneNumberNormalizer(settings.validation().defaultRegion());
        }
        catch (InvalidSettingException unknownRegion) {
            problems.add(unknownRegion.getMessage());
        }
        Path doNotCall = settings.validation().doNotCallFile();
        if (doNotCall != null && !Files.isReadable(doNotCall)) {
            problems.add("bulkcall.validation.do-not-call-file=" + doNotCall + ": "
                    + (Files.exists(doNotCall) ? "cannot be read (permission denied)" : "no such file"));
        }
    }
}
