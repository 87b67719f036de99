package io.bulkcall.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * The calling window of one zone between two instants, read one span at a time, in order. Spans are
 * maximal: ranges that touch, across midnight too, come out as one. Not thread-safe: one per search.
 *
 * <p>It walks the zone's offsets from one transition to the next. Between two transitions local time
 * is the instant plus a fixed offset, so each local range maps to instants by subtracting it. Daylight
 * saving comes out exact: a range starting in a spring-forward gap opens at the transition, and in a
 * fall-back overlap only the instants whose wall-clock time lies in the range are in the window.
 */
final class ZoneWindow {

    private static final long SECONDS_PER_DAY = 86_400;

    private final CallingWindowPolicy policy;

    private final ZoneRules rules;

    private final List<DailyHours.Range> ranges;

    private final long until;

    /** The stretch of constant offset being read: [segmentStart, segmentEnd), in epoch seconds. */
    private long segmentStart;

    private long segmentEnd;

    private int offset;

    /** The local day being read, and the next of its ranges. */
    private long epochDay;

    private int rangeIndex;

    /** A span read ahead to see whether it touches the one before it. */
    private Span ahead;

    /**
     * @param from the first instant of the first span, in epoch seconds
     * @param until the instant the last span ends at the latest, in epoch seconds
     */
    ZoneWindow(CallingWindowPolicy policy, ZoneId zone, long from, long until) {
        this.policy = policy;
        this.rules = zone.getRules();
        this.ranges = policy.hours().ranges();
        this.until = until;
        enterSegment(from);
    }

    /** The next span, or {@code null} when none starts before {@code until}. */
    Span next() {
        Span span = ahead == null ? nextRange() : ahead;
        if (span == null) {
            return null;
        }
        for (ahead = nextRange(); ahead != null && ahead.start() <= span.end(); ahead = nextRange()) {
            span = new Span(span.start(), Math.max(span.end(), ahead.end()));
        }
        return span;
    }

    private Span nextRange() {
        while (segmentStart < until) {
            long midnight = epochDay * SECONDS_PER_DAY - offset;
            if (midnight >= segmentEnd) {
                enterSegment(segmentEnd);
            }
            else if (rangeIndex == ranges.size() || !policy.isCallingDay(LocalDate.ofEpochDay(epochDay))) {
                epochDay++;
                rangeIndex = 0;
            }
            else {
                DailyHours.Range range = ranges.get(rangeIndex++);
                long start = Math.max(midnight + range.startMinute() * 60L, segmentStart);
                long end = Math.min(midnight + range.endMinute() * 60L, segmentEnd);
                if (start < end) {
                    return new Span(start, end);
                }
            }
        }
        return null;
    }

    private void enterSegment(long start) {
        Instant instant = Instant.ofEpochSecond(start);
        ZoneOffsetTransition transition = rules.nextTransition(instant);
        segmentStart = start;
        segmentEnd = transition == null ? until : Math.min(transition.toEpochSecond(), until);
        offset = rules.getOffset(instant).getTotalSeconds();
        epochDay = Math.floorDiv(start + offset, SECONDS_PER_DAY);
        rangeIndex = 0;
    }

    /** Part of a window, {@code [start, end)} in epoch seconds. */
    record Span(long start, long end) {
    }
}
