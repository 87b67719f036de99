package io.bulkcall.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bulkcall.window.Opening;

import static io.bulkcall.report.Formats.coordinate;

/**
 * The "calls over time" drawing of {@code report.html}, as the coordinates and labels its SVG is drawn
 * with: per clock hour (UTC) a bar of the calls that started and one of the calls that ended, and under
 * them a lane per time-zone group with its calling window's openings shaded, on the same time axis.
 * The template draws it; this works out where everything goes. Immutable.
 *
 * @param width the drawing's width in its own units (the page scales it to the column)
 * @param height its height in the same units
 * @param plot the bars and their scale; {@code null} when no call is known, which leaves the axis and lanes
 * @param ticks the labelled hours of the time axis
 * @param baseline the time axis
 * @param lanes the calling windows to shade under the bars
 */
record ChartView(String width, String height, Plot plot, List<Tick> ticks, Line baseline, NonEmpty<Lane> lanes) {

    private static final int WIDTH = 1000;
    private static final int GUTTER = 180;
    private static final int RIGHT = 24;
    private static final int TOP = 10;
    private static final int PLOT_HEIGHT = 190;
    private static final int AXIS_HEIGHT = 38;
    private static final int LANE_HEIGHT = 18;
    private static final int LANE_GAP = 6;
    private static final int MOST_LABELS = 12;
    private static final int[] LABEL_STEPS = { 1, 2, 3, 4, 6, 12, 24, 48, 72, 168, 336, 720 };
    private static final int LONGEST_ZONE_LABEL = 28;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    ChartView {
        ticks = List.copyOf(ticks);
    }

    /**
     * The bars of the hours with calls over their scale.
     *
     * @param grid the scale's lines: zero, half and top
     * @param slots one a clock hour of the span
     */
    record Plot(List<GridLine> grid, List<Slot> slots) {

        Plot {
            grid = List.copyOf(grid);
            slots = List.copyOf(slots);
        }
    }

    /** A line of the scale, with its value beside it. */
    record GridLine(Line line, Label value) {
    }

    /**
     * One clock hour: a band that highlights under the pointer, and its two bars.
     *
     * @param hour the hour in words, {@code Wed 25 Nov 15:00}
     * @param started calls started in the hour
     * @param ended calls ended in the hour
     * @param startedBar {@code null} when none started
     * @param endedBar {@code null} when none ended
     */
    record Slot(String hour, String started, String ended, Rect hover, Rect startedBar, Rect endedBar) {
    }

    /**
     * A labelled hour of the time axis.
     *
     * @param day the day under the hour, {@code null} but at the first tick of each day
     */
    record Tick(Line line, Label hour, Label day) {
    }

    /**
     * The calling window of one time-zone group over the span.
     *
     * @param zones the group's zones in full
     * @param name its label, shortened to fit beside the lane
     * @param closed the whole lane
     * @param openings where the window was open
     */
    record Lane(String zones, Label name, Rect closed, List<Rect> openings) {

        Lane {
            openings = List.copyOf(openings);
        }
    }

    record Line(String x1, String x2, String y1, String y2) {

        static Line of(double x1, double x2, double y1, double y2) {
            return new Line(coordinate(x1), coordinate(x2), coordinate(y1), coordinate(y2));
        }
    }

    record Rect(String x, String y, String width, String height) {

        static Rect of(double x, double y, double width, double height) {
            return new Rect(coordinate(x), coordinate(y), coordinate(width), coordinate(height));
        }
    }

    /** A text at {@code (x, y)}: its anchor, as the template sets it. */
    record Label(String x, String y, String text) {

        static Label of(double x, double y, String text) {
            return new Label(coordinate(x), coordinate(y), text);
        }
    }

    /**
     * @param span the hours to draw
     * @param hours the hours with calls, in order; those outside {@code span} are left out
     * @param lanes the calling windows to shade under the bars
     */
    static ChartView of(ChartSpan span, List<HourlyCalls> hours, List<WindowLane> lanes) {
        Map<Instant, HourlyCalls> byHour = new HashMap<>();
        long most = 1;
        for (HourlyCalls hour : hours.stream().filter(hour -> span.contains(hour.hour())).toList()) {
            byHour.put(hour.hour(), hour);
            most = Math.max(most, Math.max(hour.dispatched(), hour.finished()));
        }
        double slot = (WIDTH - GUTTER - RIGHT) / (double) span.hours();
        // without a known call there are no bars to draw: the time axis and the windows alone
        int plot = byHour.isEmpty() ? 0 : PLOT_HEIGHT;
        int baseline = TOP + plot;
        int height = baseline + AXIS_HEIGHT + lanes.size() * (LANE_HEIGHT + LANE_GAP) + 4;
        List<Lane> drawn = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            drawn.add(lane(lanes.get(i), baseline + AXIS_HEIGHT + i * (LANE_HEIGHT + LANE_GAP), span));
        }
        return new ChartView(String.valueOf(WIDTH), String.valueOf(height),
                byHour.isEmpty() ? null : plot(span, byHour, roundUp(Math.max(2, most)), slot),
                ticks(baseline, span, slot), Line.of(GUTTER, WIDTH - RIGHT, baseline, baseline), NonEmpty.of(drawn));
    }

    private static Plot plot(ChartSpan span, Map<Instant, HourlyCalls> byHour, long top, double slot) {
        List<GridLine> grid = new ArrayList<>();
        for (long value : new long[] { 0, top / 2, top }) {
            double y = TOP + PLOT_HEIGHT - (double) PLOT_HEIGHT * value / top;
            grid.add(new GridLine(Line.of(GUTTER, WIDTH - RIGHT, y, y),
                    Label.of(GUTTER - 8, y + 4, Formats.number(value))));
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < span.hours(); i++) {
            Instant hour = span.start().plus(Duration.ofHours(i));
            HourlyCalls calls = byHour.getOrDefault(hour, new HourlyCalls(hour, 0, 0));
            double x = GUTTER + i * slot;
            slots.add(new Slot(DAY.format(utc(hour)) + " " + HOUR.format(utc(hour)), String.valueOf(calls.dispatched()),
                    String.valueOf(calls.finished()), Rect.of(x, TOP, slot, PLOT_HEIGHT),
                    bar(x + slot * 0.12, slot * 0.36, calls.dispatched(), top),
                    bar(x + slot * 0.52, slot * 0.36, calls.finished(), top)));
        }
        return new Plot(grid, slots);
    }

    private static Rect bar(double x, double width, long value, long top) {
        if (value == 0) {
            return null;
        }
        double height = Math.max(1, (double) PLOT_HEIGHT * value / top);
        return Rect.of(x, TOP + PLOT_HEIGHT - height, Math.max(width, 1), height);
    }

    private static List<Tick> ticks(int baseline, ChartSpan span, double slot) {
        int step = LABEL_STEPS[LABEL_STEPS.length - 1];
        for (int candidate : LABEL_STEPS) {
            if (span.hours() / candidate <= MOST_LABELS) {
                step = candidate;
                break;
            }
        }
        List<Tick> ticks = new ArrayList<>();
        String lastDay = "";
        for (int i = 0; i <= span.hours(); i++) {
            ZonedDateTime hour = utc(span.start().plus(Duration.ofHours(i)));
            if ((hour.getHour() + 24L * hour.getDayOfYear()) % step != 0) {
                continue;
            }
            double x = GUTTER + i * slot;
            String day = DAY.format(hour);
            ticks.add(new Tick(Line.of(x, x, baseline, baseline + 5), Label.of(x, baseline + 17, HOUR.format(hour)),
                    day.equals(lastDay) ? null : Label.of(x, baseline + 30, day)));
            lastDay = day;
        }
        return ticks;
    }

    private static Lane lane(WindowLane lane, int y, ChartSpan span) {
        double seconds = Duration.between(span.start(), span.end()).toSeconds();
        double width = WIDTH - GUTTER - RIGHT;
        String label = lane.zones().length() <= LONGEST_ZONE_LABEL ? lane.zones()
                : lane.zones().substring(0, LONGEST_ZONE_LABEL - 1) + "…";
        List<Rect> openings = new ArrayList<>();
        for (Opening opening : lane.openings()) {
            double from = Math.max(0, Duration.between(span.start(), opening.start()).toSeconds()) / seconds * width;
            double to = Math.min(seconds, Duration.between(span.start(), opening.end()).toSeconds()) / seconds * width;
            openings.add(Rect.of(GUTTER + from, y, to - from, LANE_HEIGHT));
        }
        return new Lane(lane.zones(), Label.of(GUTTER - 8, y + LANE_HEIGHT - 5, label),
                Rect.of(GUTTER, y, width, LANE_HEIGHT), openings);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: the top of the scale. */
    private static long roundUp(long value) {
        long power = 1;
        while (true) {
            for (long factor : new long[] { 1, 2, 5 }) {
                if (factor * power >= value) {
                    return factor * power;
                }
            }
            power *= 10;
        }
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }
}
