package io.bulkcall.window;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The time zones a recipient may be in: one when it is known, several when the number allows more
 * (an Australian mobile, a US toll-free number). Calls wait until the window is open in all of them.
 * Its {@link #key()} names it in the job database and in reports: the zone ids in alphabetical order,
 * joined by {@code |}, such as {@code America/Chicago|America/New_York}; {@link #parse(String)} reads it
 * back. Two {@code Zones} are equal when their keys are. Immutable and thread-safe.
 */
public final class Zones {

    /** Joins the zones of a {@link #key()}. */
    public static final String SEPARATOR = "|";

    /** What reports and {@code status} call the group of recipients staged with calling windows off. */
    public static final String WINDOWS_OFF = "none";

    private final List<ZoneId> ids;

    private final String key;

    private Zones(Collection<ZoneId> ids) {
        this.ids = ids.stream().distinct().sorted(Comparator.comparing(ZoneId::getId)).toList();
        if (this.ids.isEmpty()) {
            throw new IllegalArgumentException("a set of time zones holds at least one zone");
        }
        this.key = this.ids.stream().map(ZoneId::getId).collect(Collectors.joining(SEPARATOR));
    }

    public static Zones of(ZoneId... ids) {
        return new Zones(Arrays.asList(ids));
    }

    public static Zones of(Collection<ZoneId> ids) {
        return new Zones(ids);
    }

    /**
     * Reads a {@link #key()} back.
     *
     * @throws IllegalArgumentException when a part is not a time zone
     */
    public static Zones parse(String key) {
        return new Zones(Arrays.stream(key.split(Pattern.quote(SEPARATOR), -1)).map(Zones::zone).toList());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException ex) {
            throw new IllegalArgumentException("\"" + id + "\" is not a time zone", ex);
        }
    }

    /** The zones, in alphabetical order of their ids. */
    public List<ZoneId> ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    /** The zone ids in alphabetical order, joined by {@code |}. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Zones zones && zones.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
