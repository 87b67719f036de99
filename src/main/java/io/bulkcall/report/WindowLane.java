package io.bulkcall.report;

import java.util.List;

import io.bulkcall.window.Opening;

/**
 * The openings of one time-zone group's calling window over the span of a job's calls, shaded under
 * its hourly chart.
 *
 * @param zones the group's {@code Zones} key
 * @param openings its openings that overlap the span, in order
 */
record WindowLane(String zones, long recipients, List<Opening> openings) {

    WindowLane {
        openings = List.copyOf(openings);
    }
}
