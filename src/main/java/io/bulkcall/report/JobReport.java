package io.bulkcall.report;

import java.util.List;

/**
 * Everything {@code report.html} shows: the {@link Summary} ({@code summary.json}, which holds every
 * count), plus what only a person reads: the first rejected rows, the calling windows over the span of
 * the calls, and where the files are. Immutable.
 *
 * @param rejectedShown the first rows of {@code rejected.csv}
 * @param callingWindow the window's settings in words, {@code null} when calling windows are off
 * @param chartSpan the hours the calls-over-time chart spans, {@code null} when there is nothing to chart
 * @param windowLanes the largest time-zone groups' openings over that span
 * @param lanesLeftOut time-zone groups too many to draw a lane for
 */
record JobReport(Summary summary, List<RejectedRowSample> rejectedShown, String callingWindow, ChartSpan chartSpan,
        List<WindowLane> windowLanes, int lanesLeftOut, List<ReportFile> files) {

    JobReport {
        rejectedShown = List.copyOf(rejectedShown);
        windowLanes = List.copyOf(windowLanes);
        files = List.copyOf(files);
    }
}
