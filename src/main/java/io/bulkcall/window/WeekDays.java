package io.bulkcall.window;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The days of the week when calls are allowed, in the recipient's local calendar. Written as days and
 * ranges of days, comma-separated, in any case: {@code MON-FRI}, {@code MON,WED,FRI}, {@code MON-SUN},
 * {@code MON-FRI,SUN}. A day is its first three letters or its whole name. A range runs forward through
 * the week and may wrap round its end: {@code FRI-MON} is Friday to Monday. Immutable and thread-safe.
 *
 * @param days the days, never empty
 */
public record WeekDays(Set<DayOfWeek> days) {

    public WeekDays {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("names no day; give days such as MON-FRI or MON,WED,FRI");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /**
     * Reads the days as they are written in {@code bulkcall.calling-window.days}.
     *
     * @throws IllegalArgumentException saying what is wrong, in words an operator can act on
     */
    public static WeekDays parse(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!text.isBlank()) {
            for (String written : text.split(",", -1)) {
                days.addAll(days(written.strip()));
            }
        }
        return new WeekDays(days);
    }

    public boolean contains(DayOfWeek day) {
        return days.contains(day);
    }

    /** The days by their short names, {@code MON,TUE,WED}. */
    @Override
    public String toString() {
        return days.stream().map(WeekDays::shortName).collect(Collectors.joining(","));
    }

    private static Set<DayOfWeek> days(String written) {
        String[] ends = written.split("-", -1);
        if (ends.length > 2 || Arrays.stream(ends).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("\"" + written + "\" is not a day or a range of days, such as MON-FRI");
        }
        if (ends.length == 1) {
            return EnumSet.of(day(written));
        }
        DayOfWeek first = day(ends[0].strip());
        DayOfWeek last = day(ends[1].strip());
        Set<DayOfWeek> range = EnumSet.of(first);
        for (DayOfWeek day = first; day != last; day = day.plus(1)) {
            range.add(day.plus(1));
        }
        return range;
    }

    private static DayOfWeek day(String written) {
        String name = written.toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values())
            .filter(day -> day.name().equals(name) || shortName(day).equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("\"" + written
                    + "\" is not a day of the week; use MON, TUE, WED, THU, FRI, SAT or SUN"));
    }

    private static String shortName(DayOfWeek day) {
        return day.name().substring(0, 3);
    }
}
