package io.bulkcall.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.time.Durations;

import static io.bulkcall.report.Html.count;
import static io.bulkcall.report.Html.escape;
import static io.bulkcall.report.Html.number;
import static io.bulkcall.report.Html.percent;
import static io.bulkcall.report.Html.width;

/**
 * Writes {@code report.html}: one self-contained page (its style sheet and drawings inline, nothing
 * fetched, no script) that tells a job's story for a person, on screen or on paper. Every count on it is
 * marked with where {@code summary.json} holds the same count ({@link Html#count}). Replaces the file
 * atomically, so a page is never seen half-written. Stateless.
 */
final class ReportPage {

    private static final String STYLE = style();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);
    private static final Map<String, String> STATUS_BARS = Map.of("completed", "completed", "failed", "failed");

    private ReportPage() {
    }

    static void write(JobReport report, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                render(report, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static void render(JobReport report, Writer out) throws IOException {
        Summary summary = report.summary();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"generator\" content=\"bulkcall\"><title>" + escape(summary.file()) + " · job "
                + summary.jobExecutionId() + " · bulkcall report</title><style>" + STYLE + "</style></head><body><main>\n");
        header(summary, out);
        funnel(summary, out);
        outcomes(summary, out);
        callsOverTime(report, out);
        zoneGroups(summary, out);
        out.write("<div class=\"pair\">");
        durations(summary, out);
        redials(summary, out);
        out.write("</div>\n");
        rejectedRows(report, out);
        files(report, out);
        out.write("<footer>Written by bulkcall from the job database at " + TIME.format(summary.finishedAt())
                + "; <code>summary.json</code> holds every count of this page.</footer>\n</main></body></html>\n");
    }

    private static void header(Summary summary, Writer out) throws IOException {
        out.write("<header class=\"top\"><div class=\"brand\">bulkcall · call report</div><h1>" + escape(summary.file())
                + " <span class=\"state " + escape(summary.state()) + "\">" + escape(summary.state()) + "</span></h1>");
        if (summary.note() != null) {
            out.write("<p class=\"note\">" + escape(summary.note()) + "</p>");
        }
        out.write("<dl class=\"facts\">");
        fact(out, "SHA-256", "<span class=\"mono\">" + escape(summary.sha256()) + "</span>");
        fact(out, "Job", "execution " + summary.jobExecutionId() + " of instance " + summary.jobInstanceId());
        fact(out, "Started", time(summary.startedAt()));
        fact(out, "Report written", time(summary.finishedAt()));
        fact(out, "First call", time(summary.firstCallAt()));
        fact(out, "Last call ended", time(summary.lastCallEndedAt()));
        fact(out, "First batch", time(summary.firstBatchAt()));
        fact(out, "Duration", Durations.human(Duration.ofMillis(Math.round(summary.durationSeconds() * 1000))));
        out.write("</dl></header>\n");
    }

    private static void fact(Writer out, String name, String valueHtml) throws IOException {
        out.write("<dt>" + name + "</dt><dd>" + valueHtml + "</dd>");
    }

    private static void funnel(Summary summary, Writer out) throws IOException {
        Funnel funnel = summary.funnel();
        out.write("<section class=\"funnel\"><h2>From rows to completed calls</h2><table>");
        funnelRow(out, "Rows", "rows", funnel.rows(), funnel.rows(), "data rows of the file");
        funnelRow(out, "Accepted", "accepted", funnel.accepted(), funnel.rows(), "valid, staged to be called");
        funnelRow(out, "Dialed", "dialed", funnel.dialed(), funnel.rows(), "an attempt with an outcome");
        funnelRow(out, "Connected", "connected", funnel.connected(), funnel.rows(), "the latest call started, or completed");
        funnelRow(out, "Completed", "completed", funnel.completed(), funnel.rows(), "the latest call completed");
        out.write("</table>");
        out.write("<div class=\"pair\"><div><h3>Rejected as bad data</h3>");
        Map<String, Long> bad = new LinkedHashMap<>(summary.rejected());
        summary.suppressed().keySet().forEach(bad::remove);
        countTable(out, bad, summary.rows(), "rejected", reason -> "failed", "No row was rejected as bad data.");
        out.write("</div><div><h3>Suppressed</h3>");
        countTable(out, summary.suppressed(), summary.rows(), "rejected", reason -> "other",
                "No number was suppressed (do-not-call list, contact limit).");
        out.write("</div></div><p class=\"hint\">" + count(summary.rejectedTotal(), "rejected_total")
                + " rows rejected in all, " + count(summary.suppressedTotal(), "suppressed_total")
                + " of them suppressions, which are not bad data and do not count toward the reject ratio.</p></section>\n");
    }

    private static void funnelRow(Writer out, String label, String key, long value, long rows, String hint)
            throws IOException {
        out.write("<tr><td class=\"label\">" + label + "</td><td class=\"barcell\"><div class=\"bar\"><i class=\"" + key
                + "\" style=\"width:" + width(value, rows) + "\"></i></div></td><td class=\"num\">"
                + count(value, "funnel", key) + "</td><td class=\"num muted\">" + percent(value, rows)
                + "</td><td class=\"muted\">" + hint + "</td></tr>");
    }

    /** Counts by key with a bar each, as shares of {@code whole}; the counts are {@code /<field>/<key>}. */
    private static void countTable(Writer out, Map<String, Long> counts, long whole, String field,
            UnaryOperator<String> barOf, String none) throws IOException {
        if (counts.isEmpty()) {
            out.write("<p class=\"empty\">" + none + "</p>");
            return;
        }
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        out.write("<table>");
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            out.write("<tr><td>" + escape(entry.getKey()) + "</td><td class=\"barcell\"><div class=\"bar\"><i class=\""
                    + barOf.apply(entry.getKey()) + "\" style=\"width:" + width(entry.getValue(), most) + "\"></i></div></td><td class=\"num\">"
                    + count(entry.getValue(), field, entry.getKey()) + "</td><td class=\"num muted\">"
                    + percent(entry.getValue(), whole) + "</td></tr>");
        }
        out.write("</table>");
    }

    private static void outcomes(Summary summary, Writer out) throws IOException {
        out.write("<div class=\"pair\"><section><h2>Outcomes by status</h2><p class=\"hint\">Each accepted recipient's "
                + "latest status; <code>not_submitted</code>: never put in a call batch.</p>");
        countTable(out, summary.calls(), summary.accepted(), "calls", status -> STATUS_BARS.getOrDefault(status, "idle"), "No recipient was staged.");
        out.write("</section><section><h2>Outcomes by end reason</h2><p class=\"hint\">How each recipient's latest "
                + "call ended, as Cartesia reported it.</p>");
        countTable(out, summary.endReasons(), summary.accepted(), "end_reasons", reason -> "dialed", "No call has an end reason.");
        out.write("</section></div>\n");
    }

    private static void callsOverTime(JobReport report, Writer out) throws IOException {
        Summary summary = report.summary();
        List<HourlyCalls> hours = summary.callsPerHour();
        out.write("<section><h2>Calls over time</h2>");
        out.write("<p class=\"hint\">" + (report.callingWindow() == null
                ? "Calling windows were off: calls were dialed at once."
                : "Calling window: " + escape(report.callingWindow()) + ". Shaded where it was open, per time-zone group.")
                + " Hours in UTC.</p>");
        if (report.chartSpan() == null) {
            out.write("<p class=\"empty\">No call batch was created: there is nothing to chart.</p></section>\n");
            return;
        }
        if (hours.isEmpty()) {
            out.write("<p class=\"empty\">No call start or end is known for this job yet: Cartesia's call details are "
                    + "read once a batch's calls have all ended.</p>");
        }
        out.write("<div class=\"legend\">" + (hours.isEmpty() ? "" : "<span style=\"--swatch:var(--started)\">calls "
                + "started per hour</span><span style=\"--swatch:var(--ended)\">calls ended per hour</span>")
                + (report.windowLanes().isEmpty() ? "" : "<span style=\"--swatch:var(--open)\">calling window open</span>"
                        + "<span style=\"--swatch:var(--closed)\">closed</span>")
                + "</div>");
        out.write(HourlyChart.svg(report.chartSpan(), hours, report.windowLanes()));
        if (report.lanesLeftOut() > 0) {
            out.write("<p class=\"hint\">" + (report.lanesLeftOut() == 1 ? "1 smaller time-zone group is"
                    : report.lanesLeftOut() + " smaller time-zone groups are") + " not drawn.</p>");
        }
        if (!hours.isEmpty()) {
            out.write("<details><summary>The same, as a table</summary><table><tr><th>Hour (UTC)</th>"
                    + "<th class=\"num\">Started</th><th class=\"num\">Ended</th></tr>");
            for (int i = 0; i < hours.size(); i++) {
                HourlyCalls hour = hours.get(i);
                out.write("<tr><td>" + TIME.format(hour.hour()).replace(":00:00 UTC", ":00") + "</td><td class=\"num\">"
                        + count(hour.dispatched(), "calls_per_hour", i, "dispatched") + "</td><td class=\"num\">"
                        + count(hour.finished(), "calls_per_hour", i, "finished") + "</td></tr>");
            }
            out.write("</table></details>");
        }
        out.write("</section>\n");
    }

    private static void zoneGroups(Summary summary, Writer out) throws IOException {
        out.write("<section><h2>Recipients by time-zone group</h2><p class=\"hint\">Recipients are called in the "
                + "window of their zones; a number with several candidate zones only when it is open in all of them.</p>");
        if (summary.zoneGroups().isEmpty()) {
            out.write("<p class=\"empty\">No recipient was staged.</p></section>\n");
            return;
        }
        out.write("<div class=\"legend\"><span style=\"--swatch:var(--completed)\">completed</span>"
                + "<span style=\"--swatch:var(--failed)\">failed</span><span style=\"--swatch:var(--other)\">"
                + "dialed, other outcome</span><span style=\"--swatch:var(--closed)\">not dialed</span></div>");
        out.write("<table><tr><th>Zones</th><th class=\"num\">Recipients</th><th class=\"num\">Dialed</th>"
                + "<th class=\"num\">Connected</th><th class=\"num\">Completed</th><th class=\"num\">Failed</th>"
                + "<th class=\"num\">Not dialed</th><th></th></tr>");
        List<ZoneGroupOutcome> groups = summary.zoneGroups();
        for (int i = 0; i < groups.size(); i++) {
            ZoneGroupOutcome group = groups.get(i);
            long otherDialed = group.dialed() - group.completed() - group.failed();
            out.write("<tr><td>" + escape(group.zones().replace("|", " | ")) + "</td><td class=\"num\">"
                    + count(group.recipients(), "zone_groups", i, "recipients") + "</td><td class=\"num\">"
                    + count(group.dialed(), "zone_groups", i, "dialed") + "</td><td class=\"num\">"
                    + count(group.connected(), "zone_groups", i, "connected") + "</td><td class=\"num\">"
                    + count(group.completed(), "zone_groups", i, "completed") + "</td><td class=\"num\">"
                    + count(group.failed(), "zone_groups", i, "failed") + "</td><td class=\"num\">"
                    + count(group.notDialed(), "zone_groups", i, "not_dialed") + "</td><td class=\"barcell\">"
                    + "<div class=\"bar\"><i class=\"completed\" style=\"width:" + width(group.completed(), group.recipients())
                    + "\"></i><i class=\"failed\" style=\"width:" + width(group.failed(), group.recipients())
                    + "\"></i><i class=\"other\" style=\"width:" + width(otherDialed, group.recipients())
                    + "\"></i></div></td></tr>");
        }
        out.write("</table></section>\n");
    }

    private static void durations(Summary summary, Writer out) throws IOException {
        CallDurations durations = summary.callDurations();
        out.write("<section><h2>Call durations</h2>");
        if (durations.calls() == 0) {
            out.write("<p class=\"empty\">No call has both a start and an end yet.</p></section>");
            return;
        }
        out.write("<p class=\"hint\">" + count(durations.calls(), "call_durations", "calls") + " calls with a start and "
                + "an end; mean " + seconds(durations.meanSeconds()) + ", longest " + seconds(durations.maxSeconds())
                + ".</p><table>");
        long most = durations.buckets().stream().mapToLong(DurationBucket::calls).max().orElse(0);
        for (int i = 0; i < durations.buckets().size(); i++) {
            DurationBucket bucket = durations.buckets().get(i);
            out.write("<tr><td>" + escape(bucket.label()) + "</td><td class=\"barcell\"><div class=\"bar\">"
                    + "<i class=\"duration\" style=\"width:" + width(bucket.calls(), most) + "\"></i></div></td>"
                    + "<td class=\"num\">" + count(bucket.calls(), "call_durations", "buckets", i, "calls") + "</td></tr>");
        }
        out.write("</table></section>");
    }

    private static void redials(Summary summary, Writer out) throws IOException {
        Redials redials = summary.redials();
        out.write("<section><h2>Redial rounds</h2><p class=\"hint\">" + count(redials.roundsOpened(), "redials",
                "rounds_opened") + " redial round(s) opened; " + count(redials.retryRequests(), "redials", "retry_requests")
                + " Retry Call Batch request(s).</p>");
        if (!redials.rounds().isEmpty()) {
            out.write("<table><tr><th>Round</th><th class=\"num\">Call batches</th><th class=\"num\">Recipients</th>"
                    + "<th class=\"num\">Retried</th></tr>");
            for (int i = 0; i < redials.rounds().size(); i++) {
                RedialRoundCount round = redials.rounds().get(i);
                out.write("<tr><td>" + (round.round() == 0 ? "first pass" : "round " + round.round())
                        + "</td><td class=\"num\">" + count(round.batches(), "redials", "rounds", i, "batches")
                        + "</td><td class=\"num\">" + count(round.recipients(), "redials", "rounds", i, "recipients")
                        + "</td><td class=\"num\">" + count(round.retries(), "redials", "rounds", i, "retries") + "</td></tr>");
            }
            out.write("</table>");
        }
        out.write("<h3>Recipients by dials</h3><table>");
        for (Map.Entry<Integer, Long> dials : redials.recipientsByDials().entrySet()) {
            out.write("<tr><td>" + (dials.getKey() == 1 ? "dialed once" : dials.getKey() == 0 ? "never dialed"
                    : "dialed " + dials.getKey() + " times") + "</td><td class=\"num\">"
                    + count(dials.getValue(), "redials", "recipients_by_dials", dials.getKey()) + "</td></tr>");
        }
        out.write("</table></section>");
    }

    private static void rejectedRows(JobReport report, Writer out) throws IOException {
        Summary summary = report.summary();
        out.write("<section class=\"rejected\"><h2>Rejected rows</h2>");
        if (report.rejectedShown().isEmpty()) {
            out.write("<p class=\"empty\">No row was rejected.</p></section>\n");
            return;
        }
        out.write("<p class=\"hint\">The first " + report.rejectedShown().size() + " of "
                + count(summary.rejectedTotal(), "rejected_total") + " rejected rows; all of them, with their original "
                + "cells, are in <code>" + escape(summary.rejectedCsv()) + "</code>.</p>");
        out.write("<table><tr><th class=\"num\">Line</th><th>Number as written</th><th>Reason</th><th>Detail</th></tr>");
        for (RejectedRowSample row : report.rejectedShown()) {
            out.write("<tr><td class=\"num\">" + escape(row.line()) + "</td><td class=\"mono\">" + escape(row.toNumber())
                    + "</td><td>" + escape(row.reason()) + "</td><td>" + escape(row.detail()) + "</td></tr>");
        }
        out.write("</table></section>\n");
    }

    private static void files(JobReport report, Writer out) throws IOException {
        out.write("<section><h2>Files</h2><ul class=\"files\">");
        for (ReportFile file : report.files()) {
            out.write("<li><code>" + escape(file.path().toString()) + "</code>: " + escape(file.what())
                    + (file.written() ? "" : " <span class=\"muted\">(not written: "
                            + (file.path().getFileName().toString().equals(ReportFolder.RESULTS_CSV)
                                    ? "it is written once the job completes" : "nothing to write") + ")</span>")
                    + "</li>");
        }
        out.write("</ul></section>\n");
    }

    private static String time(Instant instant) {
        return instant == null ? "<span class=\"muted\">–</span>" : TIME.format(instant);
    }

    private static String seconds(double seconds) {
        return seconds < 60 ? String.format(Locale.ENGLISH, "%.1f s", seconds)
                : String.format(Locale.ENGLISH, "%d min %02d s", (long) seconds / 60, Math.round(seconds) % 60);
    }

    private static String style() {
        try (InputStream in = ReportPage.class.getResourceAsStream("/report/report.css")) {
            if (in == null) {
                throw new IllegalStateException("report/report.css is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
