package io.bulkcall.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.window.CallingWindowPolicy;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.Opening;
import io.bulkcall.window.Zones;

/**
 * The calling window of each of a job's largest time-zone groups over a span of time, for the shaded
 * lanes under its hourly chart. Works from {@code bulkcall.calling-window.*} as set now, which is what
 * the job dialed by. Immutable and thread-safe.
 */
final class CallingWindowLanes {

    /** More lanes than this make the chart hard to read; the rest are counted, not drawn. */
    static final int MAX_LANES = 8;

    private final CallingWindowSettings settings;
    private final CallingWindowPolicy policy;

    CallingWindowLanes(CallingWindowSettings settings) {
        this.settings = settings;
        this.policy = CallingWindowPolicy.of(settings);
    }

    /** The window in words, {@code 09:00-20:00, MON-SAT}; {@code null} when calling windows are off. */
    String describe() {
        if (!settings.enabled()) {
            return null;
        }
        String closed = settings.closedDates().isEmpty() ? "" : ", closed on " + settings.closedDates().size() + " date(s)";
        return settings.hours() + ", " + settings.days() + closed + ", in each recipient's local time";
    }

    /**
     * Lanes for the groups with a window, largest first, at most {@link #MAX_LANES}; none when windows are off.
     *
     * @param groups the job's groups, largest first
     */
    List<WindowLane> over(List<ZoneGroupOutcome> groups, Instant from, Instant to) {
        List<WindowLane> lanes = new ArrayList<>();
        if (!settings.enabled()) {
            return lanes;
        }
        for (ZoneGroupOutcome group : withWindow(groups)) {
            if (lanes.size() == MAX_LANES) {
                break;
            }
            List<Opening> openings = policy.schedule(Zones.parse(group.zones()))
                .openings(from)
                .takeWhile(opening -> opening.start().isBefore(to))
                .filter(opening -> opening.end().isAfter(from))
                .toList();
            lanes.add(new WindowLane(group.zones(), group.recipients(), openings));
        }
        return lanes;
    }

    /** How many groups with a window {@link #over} leaves out. */
    int leftOut(List<ZoneGroupOutcome> groups) {
        return settings.enabled() ? Math.max(0, withWindow(groups).size() - MAX_LANES) : 0;
    }

    private static List<ZoneGroupOutcome> withWindow(List<ZoneGroupOutcome> groups) {
        return groups.stream().filter(group -> !Zones.WINDOWS_OFF.equals(group.zones())).toList();
    }
}
