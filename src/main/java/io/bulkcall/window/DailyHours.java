package io.bulkcall.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hours of a day when calls are allowed, in the recipient's local time: one or more ranges that
 * do not overlap, in order. Written {@code HH:MM-HH:MM}, comma-separated ({@code 09:00-12:00,14:00-18:00});
 * {@code 24:00} ends a range at midnight, so {@code 00:00-24:00} is the whole day. A window across
 * midnight is two ranges, {@code 20:00-24:00,00:00-06:00}. Ranges that touch ({@code 09:00-12:00,12:00-14:00})
 * are allowed and act as one. Immutable and thread-safe.
 *
 * @param ranges the ranges, in order of their start, none overlapping another
 */
public record DailyHours(List<Range> ranges) {

    private static final Pattern RANGE = Pattern.compile("([^-]*)-([^-]*)");

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private static final int MINUTES_PER_DAY = 24 * 60;

    public DailyHours {
        ranges = ranges.stream().sorted(Comparator.comparingInt(Range::startMinute)).toList();
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("names no hours; give one or more HH:MM-HH:MM ranges, such as 09:00-20:00");
        }
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).startMinute() < ranges.get(i - 1).endMinute()) {
                throw new IllegalArgumentException(ranges.get(i - 1) + " and " + ranges.get(i) + " overlap");
            }
        }
    }

    /**
     * Reads the hours as they are written in {@code bulkcall.calling-window.hours}.
     *
     * @throws IllegalArgumentException saying what is wrong, in words an operator can act on
     */
    public static DailyHours parse(String text) {
        List<Range> ranges = new ArrayList<>();
        if (!text.isBlank()) {
            for (String written : text.split(",", -1)) {
                ranges.add(Range.parse(written.strip()));
            }
        }
        return new DailyHours(ranges);
    }

    /**
     * The longest time calls are allowed without a break: ranges that touch make one stretch, across
     * midnight too ({@code 20:00-24:00,00:00-06:00} is one of ten hours), and the whole day is a day.
     */
    public Duration longestStretch() {
        List<Integer> lengths = new ArrayList<>();
        int stretchStart = ranges.get(0).startMinute();
        int stretchEnd = ranges.get(0).endMinute();
        for (Range range : ranges.subList(1, ranges.size())) {
            if (range.startMinute() > stretchEnd) {
                lengths.add(stretchEnd - stretchStart);
                stretchStart = range.startMinute();
            }
            stretchEnd = range.endMinute();
        }
        int first = lengths.isEmpty() ? stretchEnd - stretchStart : lengths.get(0);
        boolean acrossMidnight = !lengths.isEmpty() && ranges.get(0).startMinute() == 0 && stretchEnd == MINUTES_PER_DAY;
        lengths.add(acrossMidnight ? stretchEnd - stretchStart + first : stretchEnd - stretchStart);
        return Duration.ofMinutes(lengths.stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    /** As written in the setting, {@code 09:00-12:00,14:00-18:00}: operators read it in messages. */
    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    /**
     * One range of a day, in minutes after local midnight.
     *
     * @param startMinute the first minute of the range, 0 to 1439
     * @param endMinute the minute it ends before, 1 to 1440 (24:00)
     */
    public record Range(int startMinute, int endMinute) {

        public Range {
            if (startMinute < 0 || endMinute > MINUTES_PER_DAY) {
                throw new IllegalArgumentException("a range of a day lies within 00:00-24:00");
            }
            if (endMinute <= startMinute) {
                throw new IllegalArgumentException(time(startMinute) + "-" + time(endMinute)
                        + " does not end after it starts; write a window across midnight as two ranges, such as 20:00-24:00,00:00-06:00");
            }
        }

        static Range parse(String written) {
            Matcher range = RANGE.matcher(written);
            if (!range.matches()) {
                throw new IllegalArgumentException("\"" + written + "\" is not a range HH:MM-HH:MM, such as 09:00-20:00");
            }
            return new Range(minute(range.group(1).strip()), minute(range.group(2).strip()));
        }

        private static int minute(String written) {
            Matcher time = TIME.matcher(written);
            if (time.matches()) {
                int minute = Integer.parseInt(time.group(1)) * 60 + Integer.parseInt(time.group(2));
                if (Integer.parseInt(time.group(2)) < 60 && minute <= MINUTES_PER_DAY) {
                    return minute;
                }
            }
            throw new IllegalArgumentException("\"" + written + "\" is not a time of day HH:MM, from 00:00 to 24:00");
        }

        private static String time(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }

        @Override
        public String toString() {
            return time(startMinute) + "-" + time(endMinute);
        }
    }
}
