package io.bulkcall.validation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.config.CartesiaVersion;
import io.bulkcall.csv.CsvParser;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.csv.InputFileException;
import io.bulkcall.input.InputFixtures;
import io.bulkcall.time.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.bulkcall.csv.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class FileValidationTest {

    @TempDir
    Path dir;

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer("US");

    private final StopSignal stop = new StopSignal();

    private final FileValidation validation = new FileValidation(InputFixtures.inputFiles(),
            () -> RowCheckers.windowsOff(normalizer),
            (csv, header) -> SentColumns.of(csv, header.metadataColumns(), CartesiaVersion.V2026_03_01, List.of()),
            DoNotCallList.load(file("validation/dnc-plain.txt"), normalizer), Runnable::run, stop);

    @Test
    void countsEveryDataRowAsAcceptedOrRejected() {
        // when
        ValidationReport report = validation.validate(file("validation/input.csv"), dir.resolve("rejected.csv"));

        // then
        assertThat(report.rows()).isEqualTo(11);
        assertThat(report.accepted()).isEqualTo(4);
        assertThat(report.rejected()).isEqualTo(7);
        assertThat(report.rejectedByReason()).containsExactly(
                entry(RejectionReason.MISSING_NUMBER, 1L),
                entry(RejectionReason.INVALID_NUMBER, 3L),
                entry(RejectionReason.DUPLICATE, 1L),
                entry(RejectionReason.DO_NOT_CALL, 1L),
                entry(RejectionReason.MALFORMED_ROW, 1L),
                entry(RejectionReason.NO_CALLING_WINDOW, 0L),
                entry(RejectionReason.CONTACT_LIMIT, 0L),
                entry(RejectionReason.VARIABLES_TOO_LARGE, 0L));
    }

    @Test
    void writesEachRejectedRowWithItsLineReasonDetailAndOriginalCells() throws Exception {
        // given
        Path rejectedCsv = dir.resolve("out/rejected.csv");

        // when
        validation.validate(file("validation/input.csv"), rejectedCsv);

        // then
        assertThat(readAll(rejectedCsv)).containsExactly(
                List.of("line", "to_number", "reason", "detail", "to_number", "first_name", "city", "note"),
                List.of("5", "", "MISSING_NUMBER", "the number is empty", "", "Cy", "Rome", "no number"),
                List.of("6", "call me", "INVALID_NUMBER", "not a number", "call me", "Di", "Oslo", "'@SUM(A1)"),
                List.of("7", "(212) 555-0143", "DUPLICATE", "first seen on line 2", "(212) 555-0143", "Ed", "Lima", "same as Ann"),
                List.of("8", "+12125550199", "DO_NOT_CALL", "on the do-not-call list (dnc-plain.txt, line 2)",
                        "+12125550199", "Flo", "Bern", "on the list"),
                List.of("9", "4.15555E+10", "INVALID_NUMBER",
                        "a spreadsheet turned it into 4.15555E+10, losing digits; format the column as text and enter the numbers again",
                        "4.15555E+10", "Gus", "Kyiv", ""),
                List.of("11", "+12125550146", "MALFORMED_ROW", "has 3 columns, the header has 4", "+12125550146", "Ivy", "Riga"),
                List.of("14", "212555014", "INVALID_NUMBER", "too short for region US", "212555014", "Kim", "Doha", ""));
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void refusesItsOwnRejectedCsvGivenBackSayingWhatToDo() {
        // given
        Path rejectedCsv = dir.resolve("rejected.csv");
        validation.validate(file("validation/input.csv"), rejectedCsv);

        // then
        assertThatThrownBy(() -> validation.validate(rejectedCsv, dir.resolve("again/rejected.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessage("rejected.csv, line 1: is a rejected.csv of bulkcall (its first columns are line, to_number, "
                    + "reason, detail); delete those four columns, correct the rows in the columns after them, and give "
                    + "the file again");
    }

    @Test
    void leavesNoRejectedCsvForAFileThatCannotBeRead() {
        // given
        Path rejectedCsv = dir.resolve("rejected.csv");

        // then
        assertThatThrownBy(() -> validation.validate(file("csv/latin1.csv"), rejectedCsv))
            .isInstanceOf(InputFileException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aValidationAskedToStopEndsBeforeItsNextRowAndKeepsTheRejectedCsvOfTheLastOneWhole() throws Exception {
        // given: the rejected rows of a validation that completed
        Path rejectedCsv = dir.resolve("rejected.csv");
        validation.validate(file("validation/input.csv"), rejectedCsv);
        List<List<String>> lastComplete = readAll(rejectedCsv);

        // when
        stop.request(Duration.ofSeconds(30));

        // then
        assertThatThrownBy(() -> validation.validate(file("validation/input.csv"), rejectedCsv))
            .isInstanceOfSatisfying(ValidationStoppedException.class, stopped -> assertThat(stopped.rows()).isZero());
        assertThat(readAll(rejectedCsv)).isEqualTo(lastComplete);
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }

    private static List<List<String>> readAll(Path csv) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvParser parser = CsvParser.open(csv)) {
            for (CsvRow row = parser.next(); row != null; row = parser.next()) {
                rows.add(row.values());
            }
        }
        return rows;
    }
}
