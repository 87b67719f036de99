package io.bulkcall.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The names of bulkcall's settings, as the build describes them
 * ({@code META-INF/spring-configuration-metadata.json}, written by Spring Boot's configuration processor
 * from the settings records), so that a name under {@code bulkcall.} that none of them is, a typo that
 * would otherwise run with the default, stops the run. Names compare as Spring's relaxed binding does:
 * case, {@code -}, {@code _} and {@code .} apart, so {@code BULKCALL_AGENT_ID} is
 * {@code bulkcall.agent-id}; below a map setting ({@code bulkcall.redial.delay-after.dial_busy}) any key
 * goes. Immutable.
 */
final class SettingNames {

    /** Settings that moved: the old name still works for now, with a line naming the new one. */
    static final Map<String, String> RENAMED = Map.of(
            "bulkcall.retry.max-attempts", "bulkcall.redial.rounds",
            "bulkcall.retry.delay", "bulkcall.redial.delay");

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final ConfigurationPropertyName BULKCALL = ConfigurationPropertyName.of("bulkcall");

    /** Environment variables the {@code postgres} profile reads through placeholders, not settings of their own. */
    private static final List<String> READ_BY_PROFILES = List.of("bulkcall.db.url", "bulkcall.db.user",
            "bulkcall.db.password");

    /** A name farther than this from every known one gets no suggestion: it would be a guess. */
    private static final int MOST_EDITS_SUGGESTED = 4;

    /** What relaxed binding leaves out when it compares names: {@code -}, {@code _}, {@code .}, a list index. */
    private static final Pattern NOT_COMPARED = Pattern.compile("\\[\\d+]|[-_.]");

    private final List<String> names;
    private final Set<String> comparableNames;
    private final List<String> comparableMaps;

    private SettingNames(List<String> names, List<String> maps) {
        this.names = names;
        this.comparableNames = names.stream().map(SettingNames::comparable).collect(Collectors.toUnmodifiableSet());
        this.comparableMaps = maps.stream().map(SettingNames::comparable).toList();
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
                iterable.stream()
                    .filter(BULKCALL::isAncestorOf)
                    .map(ConfigurationPropertyName::toString)
                    .filter(name -> !isKnown(name))
                    .forEach(unknown::add);
            }
        }
        return unknown.stream().map(this::describeUnknown).toList();
    }

    private boolean isKnown(String name) {
        String written = comparable(name);
        return comparableNames.contains(written)
                || comparableMaps.stream().anyMatch(map -> written.startsWith(map) && written.length() > map.length());
    }

    private String describeUnknown(String name) {
        Map<String, Integer> edits = new LinkedHashMap<>();
        for (String known : names) {
            if (!READ_BY_PROFILES.contains(known) && !RENAMED.containsKey(known)) {
                edits.put(known, distance(name, known));
            }
        }
        return edits.entrySet()
            .stream()
            .min(Comparator.comparingInt(Map.Entry::getValue))
            .filter(nearest -> nearest.getValue() <= MOST_EDITS_SUGGESTED)
            .map(nearest -> name + ": unknown setting; did you mean " + nearest.getKey() + "?")
            .orElse(name + ": unknown setting; README.md lists the settings");
    }

    /** A name as relaxed binding compares it: no case, no {@code -}, {@code _}, {@code .}, no list index. */
    private static String comparable(String name) {
        return NOT_COMPARED.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
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
