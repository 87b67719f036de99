package io.bulkcall.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The names of bulkcall's settings, as the build describes them
 * ({@code META-INF/spring-configuration-metadata.json}, written by Spring Boot's configuration processor
 * from the settings records), so that a name under {@code bulkcall.} that none of them is, a typo that
 * would otherwise run with the default, stops the run. Names compare as Spring's relaxed binding binds
 * them, no more loosely: on the command line and in files, case, {@code -} and {@code _} apart but not
 * {@code .} ({@code bulkcall.calling_window.hours} is {@code bulkcall.calling-window.hours};
 * {@code bulkcall.calling-window-hours} binds nothing); an environment variable's {@code _} stands for a
 * {@code .}, and for a {@code -} too ({@code BULKCALL_CALLING_WINDOW_HOURS} and
 * {@code BULKCALL_CALLINGWINDOW_HOURS}, not {@code BULKCALL_CALLINGWINDOWHOURS}). Below a map setting
 * ({@code bulkcall.redial.delay-after.dial_busy}) any key goes, in one word from an environment variable.
 * Immutable.
 */
final class SettingNames {

    /** Settings that moved: the old name still works for now, with a line naming the new one. */
    static final Map<String, String> RENAMED = Map.of(
            "bulkcall.retry.max-attempts", "bulkcall.redial.rounds",
            "bulkcall.retry.delay", "bulkcall.redial.delay");

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final ConfigurationPropertyName BULKCALL = ConfigurationPropertyName.of("bulkcall");

    private static final ConfigurationPropertyName SANDBOX = ConfigurationPropertyName.of("bulkcall.sandbox");

    /** Environment variables the {@code postgres} profile reads through placeholders, not settings of their own. */
    private static final List<String> READ_BY_PROFILES = List.of("bulkcall.db.url", "bulkcall.db.user",
            "bulkcall.db.password");

    /** A name farther than this from every known one gets no suggestion: it would be a guess. */
    private static final int MOST_EDITS_SUGGESTED = 4;

    /** bulkcall's profiles, each set by its {@code application-<profile>.yml}. */
    private static final List<String> PROFILES = List.of("sandbox", "postgres");

    /**
     * A profile no file configures this close to one of bulkcall's is a typo of it; one farther may be
     * the operator's own (a logging profile, a shared {@code SPRING_PROFILES_ACTIVE}).
     */
    private static final int MOST_EDITS_OF_A_MISTYPED_PROFILE = 2;

    /** An item of a list setting ({@code bulkcall.columns.not-sent[0]}), which binds as the list. */
    private static final Pattern LIST_INDEX = Pattern.compile("\\[\\d+]");

    private final List<String> names;

    private final List<String> maps;

    /** The settings, and the map settings below which any key goes, as a name to bind compares with them. */
    private final Set<String> comparableNames;
    private final List<String> comparableMaps;

    /**
     * The same, as an environment variable's name compares with them: a setting in the two forms an
     * environment variable binds, a {@code -} left out or read as a {@code .}; a map in the first only,
     * as the only one that binds a key.
     */
    private final Set<String> environmentNames;
    private final List<String> environmentMaps;

    private SettingNames(List<String> names, List<String> maps) {
        this.names = names;
        this.maps = maps;
        this.comparableNames = names.stream().map(SettingNames::comparable).collect(Collectors.toUnmodifiableSet());
        this.comparableMaps = maps.stream().map(SettingNames::comparable).toList();
        this.environmentNames = names.stream().flatMap(SettingNames::environmentForms).collect(Collectors.toUnmodifiableSet());
        this.environmentMaps = maps.stream().map(map -> map.replace("-", "")).toList();
    }

    /** The settings the build describes. */
    static SettingNames described() {
        List<String> names = new ArrayList<>(READ_BY_PROFILES);
        names.addAll(RENAMED.keySet());
        List<String> maps = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL resource : Collections.list(SettingNames.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = resource.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        if (name.startsWith("bulkcall.")) {
                            (property.path("type").asString().startsWith("java.util.Map<") ? maps : names).add(name);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("the descriptions of the settings cannot be read", e);
        }
        return new SettingNames(List.copyOf(names), List.copyOf(maps));
    }

    /**
     * Every name under {@code bulkcall.} the environment sets that is no setting, each with the nearest
     * one: {@code bulkcall.redial.round: unknown setting; did you mean bulkcall.redial.rounds?}.
     */
    List<String> unknownIn(ConfigurableEnvironment environment) {
        Set<String> unknown = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
                iterable.stream()
                    .filter(BULKCALL::isAncestorOf)
                    .map(ConfigurationPropertyName::toString)
                    .filter(name -> variables ? !isKnownVariable(name) : !isKnown(name))
                    .map(name -> variables ? describeUnknownVariable(name) : describeUnknown(name))
                    .forEach(unknown::add);
            }
        }
        return List.copyOf(unknown);
    }

    /**
     * The sandbox's settings the environment sets while its profile is off: they are ignored, and an
     * operator who set {@code BULKCALL_SANDBOX_START} for a trial and forgot the profile is not in one.
     */
    static Set<String> sandboxSettingsIn(ConfigurableEnvironment environment) {
        Set<String> set = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(SANDBOX::isAncestorOf).map(ConfigurationPropertyName::toString).forEach(set::add);
            }
        }
        return set;
    }

    /**
     * Every active profile that is a typo of one of bulkcall's: no configuration file of the environment
     * is for it, and it is a letter or two from one of them ({@code sandbx}, {@code Sandbox}). Without
     * this, {@code --spring.profiles.active=sandbx} would run against Cartesia itself, where an operator
     * meant to try a file on the sandbox.
     */
    static List<String> mistypedProfilesIn(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        for (String profile : environment.getActiveProfiles()) {
            if (PROFILES.contains(profile) || isConfigured(environment, profile)) {
                continue;
            }
            nearest(profile.toLowerCase(Locale.ROOT), PROFILES, MOST_EDITS_OF_A_MISTYPED_PROFILE)
                .ifPresent(known -> problems.add("spring.profiles.active=%s: no such profile; did you mean %s?"
                    .formatted(profile, known)));
        }
        return problems;
    }

    /** Whether a file of the environment's configuration is the profile's: Spring Boot names its source after the file. */
    private static boolean isConfigured(ConfigurableEnvironment environment, String profile) {
        String file = "application-" + profile + ".";
        return environment.getPropertySources().stream().anyMatch(source -> source.getName().contains(file));
    }

    private boolean isKnown(String name) {
        return isKnown(comparable(name), comparableNames, comparableMaps);
    }

    /**
     * Whether an environment variable's name, its {@code _} read as {@code .}, binds a setting: below a
     * map, one word more, the key ({@code BULKCALL_REDIAL_DELAYAFTER_DIALBUSY}); Spring Boot binds no
     * key of more words from a variable, and says nothing of it.
     */
    private boolean isKnownVariable(String name) {
        String written = withoutIndex(name);
        return environmentNames.contains(written) || environmentMaps.stream()
            .anyMatch(map -> isKeyOf(written, map) && written.indexOf('.', map.length() + 1) < 0);
    }

    private static boolean isKnown(String written, Set<String> settings, List<String> maps) {
        return settings.contains(written) || maps.stream().anyMatch(map -> isKeyOf(written, map));
    }

    /** Whether the name is that of a key of the map setting: below it, a part or an index further. */
    private static boolean isKeyOf(String written, String map) {
        return written.length() > map.length() + 1 && written.startsWith(map)
                && (written.charAt(map.length()) == '.' || written.charAt(map.length()) == '[');
    }

    /** An unknown variable below a map in either form names the variable that gives that key. */
    private String describeUnknownVariable(String name) {
        for (String map : maps) {
            for (String form : environmentForms(map).toList()) {
                if (isKeyOf(name, form)) {
                    String key = name.substring(form.length() + 1).replace(".", "");
                    String variable = (map.replace("-", "") + "." + key).replace('.', '_').toUpperCase(Locale.ROOT);
                    return "%s: binds nothing; an environment variable gives a key of %s in one word: %s"
                        .formatted(name, map, variable);
                }
            }
        }
        return describeUnknown(name);
    }

    private String describeUnknown(String name) {
        List<String> suggestable = names.stream()
            .filter(known -> !READ_BY_PROFILES.contains(known) && !RENAMED.containsKey(known))
            .toList();
        return nearest(name, suggestable, MOST_EDITS_SUGGESTED)
            .map(nearest -> name + ": unknown setting; did you mean " + nearest + "?")
            .orElse(name + ": unknown setting; README.md lists the settings");
    }

    /**
     * The known word fewest one-character edits from the written one (the first of those as near), if it
     * takes at most {@code mostEdits}: the word a typo was meant to be.
     */
    static Optional<String> nearest(String written, Collection<String> known, int mostEdits) {
        return known.stream()
            .min(Comparator.comparingInt(word -> distance(written, word)))
            .filter(word -> distance(written, word) <= mostEdits);
    }

    /** A name as relaxed binding compares it: no case, no {@code -} or {@code _} in its parts, no list index. */
    private static String comparable(String name) {
        return withoutIndex(name).replace("-", "").replace("_", "");
    }

    private static String withoutIndex(String name) {
        return LIST_INDEX.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The names of a setting that an environment variable binds, its {@code _} read as {@code .}. */
    private static Stream<String> environmentForms(String name) {
        return Stream.of(name.replace("-", ""), name.replace('-', '.'));
    }

    /** How many one-character edits turn one name into the other (Levenshtein). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
