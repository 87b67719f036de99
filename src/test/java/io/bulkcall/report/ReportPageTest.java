package io.bulkcall.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.job.instance.ReportFolder;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report.html} and {@code summary.json} of a finished job whose every figure is known
 * ({@code report/job.sql}): what the page shows, that it fetches nothing, and that it agrees with the summary.
 */
class ReportPageTest {

    @TempDir
    Path output;

    private ReportFixture job;

    @BeforeEach
    void jobDatabase() throws IOException {
        job = new ReportFixture(output);
        Files.createDirectories(job.folder.path());
        try (InputStream rejected = getClass().getResourceAsStream("/report/rejected.csv")) {
            Files.copy(rejected, job.folder.rejectedCsv());
        }
    }

    @Test
    void thePageReferencesNothingOutsideItself() {
        // when
        ReportFolder folder = job.writeCompleted();

        // then
        ReportPages.assertSelfContained(folder.reportHtml());
        Document page = ReportPages.parse(folder.reportHtml());
        assertThat(page.select("style").html()).contains("@media print");
        assertThat(page.select("svg.chart")).hasSize(1);
    }

    @Test
    void everyCountOnThePageEqualsItsCountInSummaryJson() {
        // when
        ReportFolder folder = job.writeCompleted();

        // then
        int checked = ReportPages.assertCountsAgreeWithSummary(folder.path());
        assertThat(checked).isGreaterThan(60);
        assertThat(ReportPages.parse(folder.reportHtml()).select("[data-count^=/funnel/]")).hasSize(5);
    }

    @Test
    void theFunnelGoesFromRowsToCompletedCallsWithRejectsAndSuppressionsByReason() {
        // when
        JsonNode summary = ReportPages.summary(job.writeCompleted().path());

        // then
        assertThat(summary.at("/funnel").toString())
            .isEqualTo("{\"rows\":14,\"accepted\":10,\"dialed\":8,\"connected\":7,\"completed\":6}");
        assertThat(summary.at("/rejected_total").asLong()).isEqualTo(4);
        assertThat(summary.at("/suppressed").toString()).isEqualTo("{\"CONTACT_LIMIT\":1,\"DO_NOT_CALL\":1}");
        assertThat(summary.at("/end_reasons").toString())
            .isEqualTo("{\"user_hangup\":3,\"agent_hangup\":2,\"no_answer\":1,\"voicemail\":1}");
        assertThat(summary.at("/calls").toString())
            .isEqualTo("{\"cancelled\":1,\"completed\":6,\"failed\":2,\"not_submitted\":1}");
    }

    @Test
    void callsAreCountedPerHourAndDurationsIntoBuckets() {
        // when
        JsonNode summary = ReportPages.summary(job.writeCompleted().path());

        // then
        assertThat(summary.at("/calls_per_hour").toString()).isEqualTo("[{\"hour\":\"2026-11-25T15:00:00Z\",\"dispatched\":3,\"finished\":3},"
                + "{\"hour\":\"2026-11-25T16:00:00Z\",\"dispatched\":2,\"finished\":2},"
                + "{\"hour\":\"2026-11-25T17:00:00Z\",\"dispatched\":1,\"finished\":1}]");
        assertThat(summary.at("/call_durations/calls").asLong()).isEqualTo(6);
        assertThat(summary.at("/call_durations/mean_seconds").asDouble()).isEqualTo(290.0);
        assertThat(summary.at("/call_durations/max_seconds").asDouble()).isEqualTo(1200.0);
        List<Long> buckets = summary.at("/call_durations/buckets").valueStream().map(b -> b.get("calls").asLong()).toList();
        assertThat(buckets).containsExactly(1L, 1L, 0L, 1L, 1L, 1L, 0L, 1L);
    }

    @Test
    void timeZoneGroupsRedialRoundsAndRedialsByOutcomeAreCounted() {
        // when
        JsonNode summary = ReportPages.summary(job.writeCompleted().path());

        // then
        assertThat(summary.at("/zone_groups/0").toString()).isEqualTo("{\"zones\":\"America/New_York\",\"recipients\":6,"
                + "\"dialed\":5,\"connected\":4,\"completed\":3,\"failed\":2,\"not_dialed\":1}");
        assertThat(summary.at("/time_zones").toString()).isEqualTo("{\"America/New_York\":6,\"Europe/London\":3,\"none\":1}");
        assertThat(summary.at("/redials").toString()).isEqualTo("{\"rounds_opened\":1,\"retry_requests\":1,"
                + "\"rounds\":[{\"round\":0,\"batches\":2,\"recipients\":9,\"retries\":1},"
                + "{\"round\":1,\"batches\":1,\"recipients\":1,\"retries\":0}],"
                + "\"recipients_by_dials\":{\"0\":2,\"1\":6,\"2\":2},"
                + "\"by_outcome\":[{\"round\":1,\"outcome\":\"dial_busy\",\"recipients\":1},"
                + "{\"round\":1,\"outcome\":\"dial_no_answer\",\"recipients\":1}]}");
    }

    @Test
    void callsOverTimeDrawBarsPerHourOverALaneOfOpeningsPerTimeZoneGroup() {
        // when
        Document page = ReportPages.parse(job.writeCompleted().reportHtml());

        // then: three hours, 15:00 to 18:00 UTC, inside both groups' windows
        assertThat(page.select("svg.chart rect.started")).hasSize(3);
        assertThat(page.select("svg.chart rect.ended")).hasSize(3);
        assertThat(page.select("svg.chart text.lane-label").eachText()).containsExactly("America/New_York", "Europe/London");
        String wholeLane = page.select("svg.chart rect.closed").first().attr("width");
        assertThat(page.select("svg.chart rect.open")).hasSize(2)
            .allSatisfy(open -> assertThat(open.attr("width")).isEqualTo(wholeLane));
    }

    @Test
    void thePageListsTheFirstHundredRejectedRowsAndWhereAllOfThemAre() throws IOException {
        // given: 150 rejected rows
        StringBuilder rejected = new StringBuilder("line,to_number,reason,detail,to_number\n");
        for (int line = 2; line < 152; line++) {
            job.jdbc.update("INSERT INTO bc_rejection (job_instance_id, line, reason) VALUES (1, ?, 'INVALID_NUMBER')", 1000 + line);
            rejected.append(line).append(",12,INVALID_NUMBER,too short for region US,12\n");
        }
        Files.writeString(job.folder.rejectedCsv(), rejected);

        // when
        Document page = ReportPages.parse(job.writeCompleted().reportHtml());

        // then
        assertThat(page.select("section.rejected tr:has(td)")).hasSize(100);
        assertThat(page.select("section.rejected p.hint").text())
            .isEqualTo("The first 100 of 154 rejected rows; all of them, with their original cells, are in "
                    + job.folder.rejectedCsv() + ".");
    }

    @Test
    void aFileNameWithMarkupQuotesAndAmpersandsIsShownAsWritten() {
        // given: a file name that would open a script if the page took it for markup
        String name = "<script>alert(\"Q&A\", 'x')<script>.csv";
        ReportFixture hostile = new ReportFixture(output.resolve("hostile"), name);

        // when
        Document page = ReportPages.parse(hostile.writeCompleted().reportHtml());

        // then
        assertThat(page.select("script")).isEmpty();
        assertThat(page.title()).isEqualTo(name + " · job 7 · bulkcall report");
        assertThat(page.select("h1").text()).isEqualTo(name + " COMPLETED");
        assertThat(page.select("ul.files code").eachText())
            .allSatisfy(path -> assertThat(path).contains("/1-<script>alert(\"Q&A\", 'x')<script>/"));
    }

    @Test
    void aRejectedRowWithMarkupQuotesAndAmpersandsIsShownAsWritten() throws IOException {
        // given: a rejected row whose cells close the table cell and open a script
        Files.writeString(job.folder.rejectedCsv(), "line,to_number,reason,detail\n"
                + "2,\"<script>alert('x')</script>\",INVALID_NUMBER,\"</td><td>\"\"quoted\"\" & 'single'\"\n");

        // when
        Document page = ReportPages.parse(job.writeCompleted().reportHtml());

        // then
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("section.rejected tr:has(td) td").eachText())
            .containsExactly("2", "<script>alert('x')</script>", "INVALID_NUMBER", "</td><td>\"quoted\" & 'single'");
    }

    @Test
    void theTemplatesLeaveEveryValueToTheEnginesEscaping() throws IOException {
        // given: the page's template and what it includes (partials, style sheet)
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        List<Resource> templates = new ArrayList<>(List.of(resources.getResources("classpath*:report/*.mustache")));
        templates.addAll(List.of(resources.getResources("classpath*:report/*.css")));

        // then: no triple mustache, no ampersand tag, and no change of delimiters that could hide either
        assertThat(templates).extracting(Resource::getFilename).contains("report.html.mustache", "report.css");
        for (Resource template : templates) {
            assertThat(template.getContentAsString(StandardCharsets.UTF_8)).as(template.getFilename())
                .doesNotContain("{{{")
                .doesNotContainPattern("\\{\\{\\s*[&=]");
        }
    }

    @Test
    void cellsOfRejectedRowsAreShownAsTextNeverAsMarkup() {
        // when
        Document page = ReportPages.parse(job.writeCompleted().reportHtml());

        // then
        assertThat(page.select("section.rejected b")).isEmpty();
        assertThat(page.select("section.rejected td").eachText()).contains("on the do-not-call list", "first seen on line 2");
    }
}
