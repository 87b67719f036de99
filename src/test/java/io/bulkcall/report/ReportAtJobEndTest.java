package io.bulkcall.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every job ends with its {@code summary.json} and {@code report.html}, whether it completed, stopped,
 * or was refused by validation; end to end against the sandbox, with the call details it gives.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class ReportAtJobEndTest {

    private Workspace workspace;

    @BeforeEach
    void useWorkspace(Workspace workspace) {
        this.workspace = workspace;
    }

    @Test
    void aCompletedJobGetsItsPageBesideItsResults() {
        // given
        workspace.drop("numbers.csv", CsvFiles.numbers(30));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        Path reports = workspace.reports(1, "numbers");
        ReportPages.assertSelfContained(reports.resolve("report.html"));
        assertThat(ReportPages.assertCountsAgreeWithSummary(reports)).isGreaterThan(10);
        JsonNode summary = ReportPages.summary(reports);
        assertThat(summary.at("/state").asString()).isEqualTo("COMPLETED");
        assertThat(summary.at("/funnel/completed").asLong()).isEqualTo(30);
        assertThat(summary.at("/call_durations/calls").asLong()).isEqualTo(30);
        assertThat(ReportPages.parse(reports.resolve("report.html")).select("svg.chart rect.started")).isNotEmpty();
        assertThat(summary.at("/results_csv").asString()).isEqualTo(reports.resolve("results.csv").toString());
    }

    @Test
    void aStoppedJobGetsItsPageSayingHowToResume() {
        // given: batches that start in an hour, and a run that stops at once
        workspace.with("--bulkcall.batch.scheduled-at=" + BulkcallWorkspaces.START.plus(Duration.ofHours(1)));
        workspace.drop("later.csv", CsvFiles.numbers(10));

        // when
        int exitCode = workspace.run("run", "--bulkcall.poll.max-wait=0s");

        // then
        assertThat(exitCode).isEqualTo(1);
        Path reports = workspace.reports(1, "later");
        ReportPages.assertCountsAgreeWithSummary(reports);
        JsonNode summary = ReportPages.summary(reports);
        assertThat(summary.at("/state").asString()).isEqualTo("STOPPED");
        assertThat(summary.at("/note").asString()).contains("resume with: bulkcall restart 1");
        assertThat(summary.at("/results_csv").isNull()).isTrue();
        assertThat(ReportPages.parse(reports.resolve("report.html")).select("p.note").text())
            .isEqualTo(summary.at("/note").asString());
    }

    @Test
    void aJobRefusedByValidationGetsItsPageSayingWhy() {
        // given: 5 of 9 rows are bad, the default ratio allows 10%
        workspace.dropFixture("/job/every-reason.csv", "every-reason.csv");

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isEqualTo(3);
        Path reports = workspace.reports(1, "every-reason");
        ReportPages.assertSelfContained(reports.resolve("report.html"));
        ReportPages.assertCountsAgreeWithSummary(reports);
        JsonNode summary = ReportPages.summary(reports);
        assertThat(summary.at("/state").asString()).isEqualTo("REJECTED");
        assertThat(summary.at("/note").asString()).contains("every-reason.csv was not dialed: 5 of its 9 rows were rejected");
        assertThat(summary.at("/funnel/dialed").asLong()).isZero();
        assertThat(ReportPages.parse(reports.resolve("report.html")).select("section.rejected td").eachText())
            .contains("MISSING_NUMBER", "MALFORMED_ROW");
    }

    @Test
    void aPageThatCannotBeWrittenIsAnErrorLineAndTheJobStillCompletes(CapturedOutput output) throws Exception {
        // given: a folder where the page should go
        workspace.drop("numbers.csv", CsvFiles.numbers(5));
        Files.createDirectories(workspace.reports(1, "numbers").resolve("report.html/in-the-way"));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(workspace.reports(1, "numbers").resolve("summary.json")).exists();
        assertThat(output.getErr()).contains("report.html could not be written");
    }
}
