package io.bulkcall.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.bulkcall.window.Opening;

import static io.bulkcall.report.Html.coordinate;
import static io.bulkcall.report.Html.escape;

/**
 * The "calls over time" drawing of {@code report.html}, as inline SVG: per clock hour (UTC) a bar of the
 * calls that started and one of the calls that ended, and under them a lane per time-zone group with its
 * calling window's openings shaded, on the same time axis. Stateless.
 */
final class HourlyChart {

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

    private HourlyChart() {
    }

    /**
     * @param span the hours to draw
     * @param hours the hours with calls, in order; those outside {@code span} are left out
     * @param lanes the calling windows to shade under the bars
     */
    static String svg(ChartSpan span, List<HourlyCalls> hours, List<WindowLane> lanes) {
        Instant start = span.start();
        Instant end = span.end();
        int slots = span.hours();
        Map<Instant, HourlyCalls> byHour = new HashMap<>();
        long most = 1;
        for (HourlyCalls hour : hours.stream().filter(hour -> span.contains(hour.hour())).toList()) {
            byHour.put(hour.hour(), hour);
            most = Math.max(most, Math.max(hour.dispatched(), hour.finished()));
        }
        long top = roundUp(Math.max(2, most));
        double slot = (WIDTH - GUTTER - RIGHT) / (double) slots;
        // without a known call there are no bars to draw: the time axis and the windows alone
        int plot = byHour.isEmpty() ? 0 : PLOT_HEIGHT;
        int height = TOP + plot + AXIS_HEIGHT + lanes.size() * (LANE_HEIGHT + LANE_GAP) + 4;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
            .append("\" role=\"img\" aria-label=\"Calls started and ended per hour, with the calling windows\">");
        if (plot > 0) {
            gridLines(svg, top);
        }
        for (int i = 0; i < slots && plot > 0; i++) {
            Instant hour = start.plus(Duration.ofHours(i));
            HourlyCalls calls = byHour.getOrDefault(hour, new HourlyCalls(hour, 0, 0));
            double x = GUTTER + i * slot;
            svg.append("<g><title>").append(escape(DAY.format(utc(hour)) + " " + HOUR.format(utc(hour)) + " UTC: "
                    + calls.dispatched() + " started, " + calls.finished() + " ended")).append("</title>");
            svg.append("<rect class=\"hover\" x=\"").append(coordinate(x)).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(coordinate(slot)).append("\" height=\"").append(PLOT_HEIGHT).append("\"/>");
            bar(svg, "started", x + slot * 0.12, slot * 0.36, calls.dispatched(), top);
            bar(svg, "ended", x + slot * 0.52, slot * 0.36, calls.finished(), top);
            svg.append("</g>");
        }
        timeAxis(svg, TOP + plot, start, slots, slot);
        for (int i = 0; i < lanes.size(); i++) {
            lane(svg, lanes.get(i), TOP + plot + AXIS_HEIGHT + i * (LANE_HEIGHT + LANE_GAP), start, end);
        }
        return svg.append("</svg>").toString();
    }

    private static void gridLines(StringBuilder svg, long top) {
        for (long value : new long[] { 0, top / 2, top }) {
            double y = TOP + PLOT_HEIGHT - (double) PLOT_HEIGHT * value / top;
            svg.append("<line class=\"grid\" x1=\"").append(GUTTER).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(coordinate(y)).append("\" y2=\"").append(coordinate(y)).append("\"/>");
            svg.append("<text class=\"axis\" text-anchor=\"end\" x=\"").append(GUTTER - 8).append("\" y=\"")
                .append(coordinate(y + 4)).append("\">").append(Html.number(value)).append("</text>");
        }
    }

    private static void bar(StringBuilder svg, String kind, double x, double width, long value, long top) {
        if (value == 0) {
            return;
        }
        double height = Math.max(1, (double) PLOT_HEIGHT * value / top);
        svg.append("<rect class=\"").append(kind).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
            .append(coordinate(TOP + PLOT_HEIGHT - height)).append("\" width=\"").append(coordinate(Math.max(width, 1)))
            .append("\" height=\"").append(coordinate(height)).append("\"/>");
    }

    private static void timeAxis(StringBuilder svg, int baseline, Instant start, int slots, double slot) {
        int step = LABEL_STEPS[LABEL_STEPS.length - 1];
        for (int candidate : LABEL_STEPS) {
            if (slots / candidate <= MOST_LABELS) {
                step = candidate;
                break;
            }
        }
        String lastDay = "";
        for (int i = 0; i <= slots; i++) {
            ZonedDateTime hour = utc(start.plus(Duration.ofHours(i)));
            if ((hour.getHour() + 24L * hour.getDayOfYear()) % step != 0) {
                continue;
            }
            double x = GUTTER + i * slot;
            svg.append("<line class=\"tick\" x1=\"").append(coordinate(x)).append("\" x2=\"").append(coordinate(x))
                .append("\" y1=\"").append(baseline).append("\" y2=\"").append(baseline + 5).append("\"/>");
            svg.append("<text class=\"axis\" text-anchor=\"middle\" x=\"").append(coordinate(x)).append("\" y=\"")
                .append(baseline + 17).append("\">").append(HOUR.format(hour)).append("</text>");
            String day = DAY.format(hour);
            if (!day.equals(lastDay)) {
                svg.append("<text class=\"axis day\" text-anchor=\"middle\" x=\"").append(coordinate(x)).append("\" y=\"")
                    .append(baseline + 30).append("\">").append(day).append("</text>");
                lastDay = day;
            }
        }
        svg.append("<line class=\"baseline\" x1=\"").append(GUTTER).append("\" x2=\"").append(WIDTH - RIGHT)
            .append("\" y1=\"").append(baseline).append("\" y2=\"").append(baseline).append("\"/>");
    }

    private static void lane(StringBuilder svg, WindowLane lane, int y, Instant start, Instant end) {
        double span = Duration.between(start, end).toSeconds();
        double width = WIDTH - GUTTER - RIGHT;
        String label = lane.zones().length() <= LONGEST_ZONE_LABEL ? lane.zones()
                : lane.zones().substring(0, LONGEST_ZONE_LABEL - 1) + "…";
        svg.append("<g><title>").append(escape(lane.zones() + ": calling window open where shaded")).append("</title>");
        svg.append("<text class=\"lane-label\" text-anchor=\"end\" x=\"").append(GUTTER - 8).append("\" y=\"")
            .append(y + LANE_HEIGHT - 5).append("\">").append(escape(label)).append("</text>");
        svg.append("<rect class=\"closed\" x=\"").append(GUTTER).append("\" y=\"").append(y).append("\" width=\"")
            .append(coordinate(width)).append("\" height=\"").append(LANE_HEIGHT).append("\"/>");
        for (Opening opening : lane.openings()) {
            double from = Math.max(0, Duration.between(start, opening.start()).toSeconds()) / span * width;
            double to = Math.min(span, Duration.between(start, opening.end()).toSeconds()) / span * width;
            svg.append("<rect class=\"open\" x=\"").append(coordinate(GUTTER + from)).append("\" y=\"").append(y)
                .append("\" width=\"").append(coordinate(to - from)).append("\" height=\"").append(LANE_HEIGHT)
                .append("\"/>");
        }
        svg.append("</g>");
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
