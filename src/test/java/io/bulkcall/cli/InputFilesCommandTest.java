package io.bulkcall.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.bulkcall.input.Workbooks;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Workspace;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.bulkcall.input.Workbooks.row;
import static io.bulkcall.input.Workbooks.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Input files other than UTF-8 comma-separated CSV, through the commands an operator types: a
 * workbook run to the end against the sandbox, files of other delimiters validated, workbooks bulkcall
 * cannot read refused before anything is dialed, and the {@code bulkcall.input.*} settings.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class InputFilesCommandTest {

    @Test
    void aWorkbookIsDialedAndReportedWithItsSheetRowNumbers(Workspace workspace) {
        // given a sheet with a number typed as text, an empty row, a number stored as a number, one a
        // spreadsheet rounded before it was pasted in as text, and the first number again
        workspace.with("--bulkcall.validation.max-reject-ratio=1.0");
        Workbooks.xlsx(workspace.input().resolve("contacts.xlsx"), rows(
                row("to_number", "first_name", "appointment_date"),
                row("+1 212 555 0143", "Ann", LocalDate.of(2026, 12, 10)),
                row(),
                row(16465550123d, "Bo", LocalDate.of(2026, 12, 11)),
                row("4.15555E+10", "Cy", null),
                row("+1 212 555 0143", "Di", null)));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        Path reports = workspace.reports(1, "contacts");
        Map<String, CSVRecord> results = byLine(CsvFiles.records(reports.resolve("results.csv")));
        Map<String, CSVRecord> rejected = byLine(CsvFiles.records(reports.resolve("rejected.csv")));
        assertThat(results.keySet()).containsExactlyInAnyOrder("2", "4");
        assertThat(results.get("2").get("appointment_date")).isEqualTo("2026-12-10");
        assertThat(results.get("4").get("to_number")).isEqualTo("+16465550123");
        assertThat(rejected.keySet()).containsExactlyInAnyOrder("5", "6");
        assertThat(rejected.get("5").get("detail")).startsWith("a spreadsheet turned it into 4.15555E+10");
        assertThat(rejected.get("6").get("detail")).isEqualTo("first seen on line 2");
        assertThat(workspace.sandbox().createdToNumbers()).containsExactlyInAnyOrder("+12125550143", "+16465550123");
        assertThat(workspace.input().resolve("processed/contacts.xlsx")).exists();
    }

    @Test
    void validateSaysHowAFileWasReadWhenItIsNotCommaSeparatedUtf8(Workspace workspace, CapturedOutput output) {
        // given
        Path semicolons = workspace.drop("semi.csv", "Name;Phone\nAnn;+12125550143\nBo;+12125550144\nCy;+12125550145\n");
        Path workbook = Workbooks.xlsx(workspace.input().resolve("contacts.xlsx"),
                rows(row("Phone"), row("+12125550143")));
        Path commas = workspace.drop("plain.csv", CsvFiles.numbers(1));

        // when
        int exitCode = workspace.run("validate", semicolons.toString(), workbook.toString(), commas.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("semi.csv (semicolon-separated): 3 rows, 3 valid, 0 rejected",
                "contacts.xlsx (sheet \"Sheet1\"): 1 row, 1 valid, 0 rejected", "plain.csv: 1 row, 1 valid, 0 rejected");
    }

    @Test
    void validateWritesTheRejectedRowsOfFilesOfOneNameApartAndAFileNamedTwiceOnce(Workspace workspace,
            CapturedOutput output) throws IOException {
        // given: list.csv of two months, each with a rejected row of its own
        workspace.with("--bulkcall.validation.max-reject-ratio=1.0");
        Path march = Files.createDirectories(workspace.root().resolve("march")).resolve("list.csv");
        Path april = Files.createDirectories(workspace.root().resolve("april")).resolve("list.csv");
        Files.writeString(march, "to_number\n+12125550143\n555-0103\n");
        Files.writeString(april, "to_number\n+12125550144\n555-0104\n");

        // when
        int exitCode = workspace.run("validate", march.toString(), april.toString(), march.toString());

        // then
        Path reports = workspace.root().resolve("output");
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains(
                march + ": 2 rows, 1 valid, 1 rejected (INVALID_NUMBER 1); rejected rows in " + reports.resolve("validate-list/rejected.csv"),
                april + ": 2 rows, 1 valid, 1 rejected (INVALID_NUMBER 1); rejected rows in " + reports.resolve("validate-list-2/rejected.csv"),
                march + ": named more than once; taken once");
        assertThat(CsvFiles.records(reports.resolve("validate-list/rejected.csv"))).extracting(record -> record.get(1))
            .containsExactly("555-0103");
        assertThat(CsvFiles.records(reports.resolve("validate-list-2/rejected.csv"))).extracting(record -> record.get(1))
            .containsExactly("555-0104");
    }

    @Test
    void anOldXlsAndADamagedWorkbookAreRefusedBeforeAnythingIsDialed(Workspace workspace, CapturedOutput output)
            throws Exception {
        // given
        Path xls = Workbooks.xls(workspace.input().resolve("old.xls"), rows(row("phone"), row("+12125550143")));
        Path damaged = Files.write(workspace.input().resolve("damaged.xlsx"), "not a workbook".getBytes());

        // when
        int exitCode = workspace.run("run", xls.toString(), damaged.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(output.getErr().lines().filter(line -> line.contains(" ERROR "))).hasSize(2)
            .allSatisfy(line -> assertThat(line).contains("save it as .xlsx or CSV UTF-8"));
        assertThat(workspace.input().resolve("failed/old.xls")).exists();
        assertThat(workspace.input().resolve("failed/damaged.xlsx")).exists();
    }

    @Test
    void aRunWithoutFilesTakesWorkbooksButNotTheLockFilesExcelKeepsBesideThem(Workspace workspace, CapturedOutput output)
            throws Exception {
        // given
        Workbooks.xlsx(workspace.input().resolve("contacts.xlsx"), rows(row("Phone"), row("+12125550143")));
        Files.write(workspace.input().resolve("~$contacts.xlsx"), new byte[] { 5, 'A', 'n', 'n', 0, 0 });

        // when
        int exitCode = workspace.run();

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("contacts.xlsx: job 1 completed");
        assertThat(workspace.input().resolve("~$contacts.xlsx")).exists();
    }

    @Test
    void aFileNamedTwiceIsOneJobAndTheRunCompletes(Workspace workspace, CapturedOutput output) {
        // given
        Path file = workspace.drop("list.csv", CsvFiles.numbers(3));

        // when: as a glob and its own name would name it
        int exitCode = workspace.run("run", file.toString(), file.getParent().resolve(".").resolve("list.csv").toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("list.csv: named more than once; taken once", "list.csv: job 1 completed");
        assertThat(workspace.sandbox().createdToNumbers()).hasSize(3);
    }

    @Test
    void aJobWhoseIdAnEarlierJobDatabaseGaveLeavesThatJobsReportsWhole(Workspace workspace, CapturedOutput output)
            throws IOException {
        // given: job 1 of march.csv, in one job database
        workspace.drop("march.csv", CsvFiles.numbers(2));
        assertThat(workspace.run("run")).isZero();
        String earlierResults = Files.readString(workspace.reports(1, "march").resolve("results.csv"));

        // when: the next march.csv is job 1 of another job database (the first reset, or left for PostgreSQL)
        workspace.drop("march.csv", CsvFiles.numbers(3));
        int exitCode = workspace.with("--spring.datasource.url=jdbc:h2:file:" + workspace.root().resolve("data/another"))
            .run("run");

        // then
        assertThat(exitCode).isZero();
        Path earlier;
        try (Stream<Path> folders = Files.list(workspace.root().resolve("output"))) {
            earlier = folders.filter(folder -> folder.getFileName().toString().startsWith("1-march.earlier-"))
                .findFirst()
                .orElseThrow();
        }
        assertThat(earlier.resolve("results.csv")).hasContent(earlierResults);
        assertThat(CsvFiles.records(workspace.reports(1, "march").resolve("results.csv"))).hasSize(3);
        assertThat(output.getErr()).contains("march.csv: " + workspace.reports(1, "march") + " held the reports of another "
                + "job 1, of another job database (reset, left behind, or the sandbox's); moved them to " + earlier);
    }

    static Stream<Arguments> settingsWrittenInAnyCase() {
        return Stream.of(
                arguments(named("national numbers of a default region in lower case", "--bulkcall.validation.default-region=gb"),
                        "Name,Phone\nAnn,020 7946 0018\nBo,07911 123456\n", "2 rows, 2 valid, 0 rejected"),
                arguments(named("a default time zone in lower case, for numbers that tell none",
                        "--bulkcall.calling-window.default-time-zone=europe/london"),
                        "Name,Phone\nAnn,+800 1234 5678\n", "1 row, 1 valid, 0 rejected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingsWrittenInAnyCase")
    void aSettingWrittenInAnyCaseIsReadAsTheCellsItDescribesAre(String setting, String content, String counts,
            Workspace workspace, CapturedOutput output) {
        // given
        Path file = workspace.drop("list.csv", content);

        // when
        int exitCode = workspace.run("validate", file.toString(), setting);

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("list.csv: " + counts);
    }

    @Test
    void twoNumberColumnsAreRefusedUntilTheSettingNamesOne(Workspace workspace, CapturedOutput output) {
        // given
        Path file = workspace.drop("crm.csv", "Name,Phone,Mobile\nAnn,+12125550100,+12125550143\n");

        // when
        int refused = workspace.run("validate", file.toString());
        int named = workspace.run("validate", file.toString(), "--bulkcall.input.number-column=Mobile");

        // then
        assertThat(refused).isEqualTo(3);
        assertThat(output.getErr()).contains("crm.csv, line 1: has 2 columns that may hold the number to dial "
                + "(Phone, Mobile); name the one to dial with bulkcall.input.number-column");
        assertThat(named).isZero();
        assertThat(output.getErr()).contains("crm.csv: 1 row, 1 valid, 0 rejected");
    }

    @Test
    void aDelimiterSettingOfAnotherValueStopsTheRunNamingIt(Workspace workspace, CapturedOutput output) {
        // when
        int exitCode = workspace.run("run", "--bulkcall.input.delimiter=pipe");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall.input.delimiter=pipe: must be auto, \",\", \";\" or tab");
    }

    private static Map<String, CSVRecord> byLine(List<CSVRecord> records) {
        return records.stream().collect(Collectors.toMap(row -> row.get("line"), Function.identity()));
    }
}
