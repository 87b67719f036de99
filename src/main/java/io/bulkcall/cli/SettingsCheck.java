package io.bulkcall.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.Dialing;
import io.bulkcall.config.InvalidSettingException;
import io.bulkcall.config.RedialOutcome;
import io.bulkcall.config.SettingProblems;
import io.bulkcall.time.Durations;
import io.bulkcall.validation.PhoneNumberNormalizer;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.CallingWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Checks every setting the command needs before any bean is made, so before the job database or the
 * network is touched: a bad setting ends the run with exit code 2 and one line naming each bad setting
 * and its rule, whatever else is going on (another process holding the database, Cartesia unreachable).
 * It runs once the context knows its bean definitions: every {@code @ConfigurationProperties} type the
 * context will bind (the sandbox's only with its profile on) is bound and validated here with the
 * context's own rules. What only a command that dials needs ({@link Dialing}: agent, phone number, API
 * key) is asked of those commands alone.
 */
final class SettingsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(SettingsCheck.class);

    private static final String SANDBOX_PROFILE = "sandbox";
    private static final String BULKCALL_PACKAGE = "io.bulkcall";

    private final boolean dials;

    /** @param dials whether the command calls Cartesia ({@code run}, {@code restart}, {@code cancel}) */
    SettingsCheck(boolean dials) {
        this.dials = dials;
    }

    /**
     * Looks at the names first (a profile mistyped, a setting renamed, a name no setting has), as the
     * environment has them before the context starts, then at the values once the context knows which
     * settings it binds.
     */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        List<String> problems = new ArrayList<>(SettingNames.mistypedProfilesIn(environment));
        problems.addAll(SettingNames.described().unknownIn(environment));
        if (!environment.acceptsProfiles(Profiles.of(SANDBOX_PROFILE))) {
            Set<String> sandboxSettings = SettingNames.sandboxSettingsIn(environment);
            if (!sandboxSettings.isEmpty()) {
                log.warn("{} set, but the sandbox profile is off: ignored; this command works against Cartesia itself "
                        + "(--spring.profiles.active=sandbox for the sandbox)", String.join(", ", sandboxSettings));
            }
        }
        carryRenamedSettings(environment, problems);
        context.addBeanFactoryPostProcessor(beanFactory -> check(environment, beanFactory, problems));
    }

    /**
     * A setting given by its old name is bound under its new one, with a line that says so; one given by
     * both names with two values is a problem, since either could be meant.
     */
    private static void carryRenamedSettings(ConfigurableEnvironment environment, List<String> problems) {
        Binder binder = binder(environment);
        Map<String, Object> carried = new LinkedHashMap<>();
        SettingNames.RENAMED.forEach((old, renamed) -> binder.bind(old, String.class).ifBound(value -> {
            String current = binder.bind(renamed, String.class).orElse(null);
            if (current == null) {
                log.warn("{} is now called {}; the old name works for now", old, renamed);
                carried.put(renamed, value);
            }
            else if (!sameSetting(binder, old, renamed)) {
                problems.add("%s=%s and %s=%s set one setting (its old and its new name) to two values; keep %s only"
                    .formatted(old, value, renamed, current, renamed));
            }
        }));
        if (!carried.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("bulkcall renamed settings", carried));
        }
    }

    /** Whether the two names hold one value: compared as durations or numbers where they read as such. */
    private static boolean sameSetting(Binder binder, String old, String renamed) {
        for (Class<?> type : List.of(Duration.class, Long.class)) {
            try {
                Object a = binder.bind(old, type).orElse(null);
                Object b = binder.bind(renamed, type).orElse(null);
                return Objects.equals(a, b);
            }
            catch (BindException notOfThatType) {
                // try the next type, then the text
            }
        }
        return binder.bind(old, String.class).get().strip().equals(binder.bind(renamed, String.class).get().strip());
    }

    private static Binder binder(ConfigurableEnvironment environment) {
        return new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment), CallingWindowSettings.conversionService(),
                CallingWindowSettings.propertyEditors());
    }

    private void check(ConfigurableEnvironment environment, ConfigurableListableBeanFactory beanFactory,
            List<String> namingProblems) {
        Binder binder = binder(environment);
        List<String> problems = new ArrayList<>(namingProblems);
        for (Class<?> type : settingsTypes(beanFactory)) {
            String prefix = AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class).prefix();
            Object settings = bind(binder, prefix, type, problems);
            if (settings instanceof BulkcallProperties bulkcall && problems.isEmpty()) {
                checkBeyondAnnotations(bulkcall, problems);
            }
        }
        databaseKind(environment).ifPresent(problems::add);
        if (dials && !environment.acceptsProfiles(Profiles.of(SANDBOX_PROFILE))) {
            binder.bind("bulkcall.cartesia.api-key", ApiKey.class)
                .orElseGet(() -> new ApiKey(null))
                .problem()
                .ifPresent(problem -> problems.add("CARTESIA_API_KEY " + problem));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingException(problems.stream()
                .map(problem -> SettingOrigins.named(environment, problem))
                .collect(Collectors.joining("; ")));
        }
    }

    /**
     * Bean validation's validator, made on the first check and kept: it is thread-safe, and a new one
     * reads every settings type's rules again, about 40 ms of CPU time at each start in a JVM that
     * starts bulkcall many times, as the tests do.
     */
    private static final class SettingsValidator {

        static final Validator INSTANCE = Validation.buildDefaultValidatorFactory().getValidator();
    }

    /** The {@code @ConfigurationProperties} types of the beans the context defines, bulkcall's first. */
    private static List<Class<?>> settingsTypes(ConfigurableListableBeanFactory beanFactory) {
        List<Class<?>> types = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            if (beanFactory.getBeanDefinition(name) instanceof AbstractBeanDefinition definition
                    && definition.hasBeanClass()
                    && definition.getBeanClass().isAnnotationPresent(ConfigurationProperties.class)
                    && definition.getBeanClass().getPackageName().startsWith(BULKCALL_PACKAGE)) {
                types.add(definition.getBeanClass());
            }
        }
        types.sort(Comparator.comparing((Class<?> type) -> type != BulkcallProperties.class).thenComparing(Class::getName));
        return types;
    }
    /**
     * Binds a settings record and checks all of its rules at once, so that every bad setting of the
     * tree is named, not only the first one found; {@code null} when it does not bind or breaks a rule.
     */
    private <T> T bind(Binder binder, String prefix, Class<T> type, List<String> problems) {
        T settings;
        try {
            settings = binder.bindOrCreate(prefix, Bindable.of(type), durationsWithUnits(problems));
        }
        catch (BindException unbindable) {
            problems.add(SettingProblems.describe(unbindable));
            return null;
        }
        Class<?>[] groups = dials ? new Class<?>[] { Default.class, Dialing.class } : new Class<?>[] { Default.class };
        List<String> broken = SettingsValidator.INSTANCE.validate(settings, groups)
            .stream()
            .map(violation -> SettingProblems.describe(prefix, violation))
            .sorted()
            .toList();
        problems.addAll(broken);
        return broken.isEmpty() ? settings : null;
    }

    /**
     * A job database bulkcall has no driver and no schema for would fail the start with the name of a
     * driver class. Only the URL's scheme is named: the rest may hold a password.
     */
    private static Optional<String> databaseKind(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.regionMatches(true, 0, "jdbc:h2:", 0, 8)
                || url.regionMatches(true, 0, "jdbc:postgresql:", 0, 16)) {
            return Optional.empty();
        }
        String scheme = url.matches("(?i)jdbc:[a-z0-9]+:.*") ? url.substring(0, url.indexOf(':', 5) + 1) : "this URL";
        return Optional.of("spring.datasource.url: " + scheme + " is no database bulkcall keeps its jobs in; "
                + "use H2 (jdbc:h2:file:./data/bulkcall) or PostgreSQL (jdbc:postgresql://host:5432/bulkcall)");
    }

    /**
     * Spring reads a duration written as a bare number as milliseconds: a {@code poll.interval} of
     * {@code 30}, meant as seconds, would poll Cartesia a thousand times as often. Such a value is a
     * problem, whatever setting it is in.
     */
    private static BindHandler durationsWithUnits(List<String> problems) {
        return new BindHandler() {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
                ConfigurationProperty property = context.getConfigurationProperty();
                if (result instanceof Duration && property != null) {
                    String written = String.valueOf(property.getValue());
                    Durations.withoutUnit(written)
                        .ifPresent(problem -> problems.add(asWritten(name) + "=" + written + ": " + problem));
                }
                return result;
            }
        };
    }

    /** A property's name with each part as written: a map's key such as {@code dial_busy} keeps its {@code _}. */
    private static String asWritten(ConfigurationPropertyName name) {
        return IntStream.range(0, name.getNumberOfElements())
            .mapToObj(element -> name.getElement(element, Form.ORIGINAL))
            .collect(Collectors.joining("."));
    }

    /** Rules no annotation can say; looked at only once the rest holds, so nothing is named twice. */
    private static void checkBeyondAnnotations(BulkcallProperties settings, List<String> problems) {
        settings.redial().outcomes().stream().filter(outcome -> RedialOutcome.named(outcome).isEmpty())
            .forEach(outcome -> problems.add("bulkcall.redial.outcomes=%s: %s is no outcome; the outcomes are %s"
                .formatted(String.join(",", settings.redial().outcomes()), outcome.strip(), RedialOutcome.known())));
        settings.redial().delayAfter().keySet().stream().filter(outcome -> RedialOutcome.named(outcome).isEmpty())
            .forEach(outcome -> problems.add("bulkcall.redial.delay-after.%s: %s is no outcome; the outcomes are %s"
                .formatted(outcome, outcome, RedialOutcome.known())));
        try {
            new PhoneNumberNormalizer(settings.validation().defaultRegion());
        }
        catch (InvalidSettingException unknownRegion) {
            problems.add(unknownRegion.getMessage());
        }
        CallingWindowSettings window = settings.callingWindow();
        if (window.enabled() && window.hours().longestStretch().compareTo(window.leastDialableOpening()) < 0) {
            // every recipient would be rejected NO_CALLING_WINDOW: a setting to fix, not a file to reject
            problems.add("bulkcall.calling-window.hours=" + window.hours() + ": leaves no time to dial; a range needs at least "
                    + Durations.setting(window.leastDialableOpening()) + ", the closing margin ("
                    + Durations.setting(window.closingMargin()) + ") and " + Durations.setting(CallingWindows.MINIMUM_DIALING)
                    + " of dialing (ranges that touch count as one)");
        }
        if (Files.exists(settings.outputDir()) && !Files.isDirectory(settings.outputDir())) {
            // every job would fail at its first report, once it has read its file
            problems.add("bulkcall.output-dir=" + settings.outputDir() + ": is a file, not a folder");
        }
        Path doNotCall = settings.validation().doNotCallFile();
        if (doNotCall != null && !Files.isReadable(doNotCall)) {
            problems.add("bulkcall.validation.do-not-call-file=" + doNotCall + ": "
                    + (Files.exists(doNotCall) ? "cannot be read (permission denied)" : "no such file"));
        }
    }
}
