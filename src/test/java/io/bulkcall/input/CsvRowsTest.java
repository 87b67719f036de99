package io.bulkcall.input;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.csv.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.bulkcall.csv.Fixtures.file;
import static io.bulkcall.input.InputFixtures.inputFiles;
import static io.bulkcall.input.InputFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvRowsTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedCommasDoubledQuotesAndLineBreaksKeepingLineNumbersRight() throws Exception {
        // given a file whose quoted cells hold a comma, doubled quotes, a CRLF and two LFs

        // when
        List<CsvRow> rows = readAll(file("csv/quoted.csv"));

        // then
        assertThat(rows).extracting(CsvRow::line, CsvRow::values, CsvRow::malformation).containsExactly(
                tuple(2L, List.of("+12125550143", "Smith, John", "said \"hi\""), null),
                tuple(3L, List.of("+12125550144", "Ann", "first line\r\nsecond line"), null),
                tuple(5L, List.of("+12125550145", "Bo", "one\ntwo\nthree"), null),
                tuple(8L, List.of("+12125550146", "Cy", "plain"), null));
    }

    @Test
    void dropsAByteOrderMarkBeforeTheHeader() {
        // when
        InputRows reader = inputFiles().open(file("csv/bom.csv"));
        CsvRow row = reader.read();
        reader.close();

        // then
        assertThat(reader.header().columns()).containsExactly("to_number", "name");
        assertThat(row.values()).containsExactly("+12125550143", "Zoë");
    }

    @Test
    void findsTheNumberColumnByAnyAcceptedNameInAnyCaseWithSpacesAround() {
        // given a header "name, Phone_Number ,city"
        // when
        InputRows reader = inputFiles().open(file("csv/phone-number-header.csv"));
        reader.close();

        // then
        CsvHeader header = reader.header();
        assertThat(header.numberColumn()).isEqualTo(1);
        assertThat(header.numberColumnName()).isEqualTo("Phone_Number");
        assertThat(header.metadataColumns()).containsExactly("name", "city");
    }

    @Test
    void skipsBlankLinesAndRowsOfEmptyCellsWithoutCountingThemAsRows() throws Exception {
        // given empty, whitespace-only, "," and ' , ""' lines around two rows

        // when
        List<CsvRow> rows = readAll(file("csv/blank-lines.csv"));

        // then
        assertThat(rows).extracting(CsvRow::line, CsvRow::values).containsExactly(
                tuple(3L, List.of("+12125550143", "Ann")),
                tuple(7L, List.of("+12125550144", "Bo")));
    }

    @Test
    void acceptsCrLfLfAndCrLineEndsInOneFile() throws Exception {
        // given
        Path csv = write("to_number,name\r\n+12125550143,Ann\r+12125550144,Bo\n+12125550145,Cy");

        // when
        List<CsvRow> rows = readAll(csv);

        // then
        assertThat(rows).extracting(CsvRow::line, CsvRow::values).containsExactly(
                tuple(2L, List.of("+12125550143", "Ann")),
                tuple(3L, List.of("+12125550144", "Bo")),
                tuple(4L, List.of("+12125550145", "Cy")));
    }

    @Test
    void ignoresSpacesAroundAQuotedField() throws Exception {
        // given
        Path csv = write("to_number,name\n+12125550143, \"Smith, John\" \n");

        // when
        List<CsvRow> rows = readAll(csv);

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).containsExactly("+12125550143", "Smith, John");
            assertThat(row.isMalformed()).isFalse();
        });
    }

    @Test
    void reportsWrongColumnCountsAndBrokenQuotingAndCarriesOn() throws Exception {
        // when
        List<CsvRow> rows = readAll(file("csv/malformed.csv"));

        // then
        assertThat(rows).extracting(CsvRow::line, CsvRow::malformation).containsExactly(
                tuple(2L, null),
                tuple(3L, "has 2 columns, the header has 3"),
                tuple(4L, "field 2 has a quote in the middle; a field containing quotes must be enclosed in quotes and its quotes doubled"),
                tuple(5L, "field 2 has text after its closing quote; quotes inside a quoted field must be doubled"),
                tuple(6L, "has 4 columns, the header has 3"),
                tuple(7L, null));
        assertThat(rows.get(2).values()).containsExactly("+12125550145", "Cy \"the kid\"", "Rome");
        assertThat(rows.get(3).values()).containsExactly("+12125550146", "Dix", "Oslo");
    }

    @Test
    void reportsAQuotedFieldNeverClosedOnceAndEnds() throws Exception {
        // when
        List<CsvRow> rows = readAll(file("csv/unclosed-quote.csv"));

        // then
        assertThat(rows).extracting(CsvRow::line, CsvRow::malformation).containsExactly(
                tuple(2L, null),
                tuple(3L, "quoted field opened on line 3 is never closed"));
        assertThat(rows.get(1).values()).containsExactly("+12125550144", "Bo\n+12125550145,Cy\n+12125550146,Di\n");
    }

    @Test
    void reportsAQuoteClosedOnALaterLineWithTheLineItOpenedOn() throws Exception {
        // given a quote left open on line 2 that the quote of line 3 closes
        Path csv = write("to_number,name\n+12125550143,\"Ann\n+12125550144,\"Bo\"\n+12125550145,Cy\n");

        // when
        List<CsvRow> rows = readAll(csv);

        // then
        assertThat(rows).extracting(CsvRow::line, CsvRow::malformation).containsExactly(
                tuple(2L, "field 2 has text after its closing quote (the quote opened on line 2); quotes inside a quoted field must be doubled"),
                tuple(4L, null));
    }

    @Test
    void skipsTheRowsReadBeforeARestart() {
        // given a second run of a file whose first run read two rows
        InputRows secondRun = inputFiles().open(file("csv/quoted.csv"));

        // when
        long skipped = secondRun.skip(2);
        CsvRow third = secondRun.read();
        CsvRow fourth = secondRun.read();
        CsvRow end = secondRun.read();
        secondRun.close();

        // then
        assertThat(skipped).isEqualTo(2);
        assertThat(third.line()).isEqualTo(5);
        assertThat(fourth.line()).isEqualTo(8);
        assertThat(end).isNull();
    }

    @Test
    void readsNothingFromAFileWithOnlyAHeader() throws Exception {
        assertThat(readAll(file("csv/header-only.csv"))).isEmpty();
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> readAll(file("csv/empty.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessage("empty.csv: is empty; the first line must be a header naming the columns, one of them "
                    + "to_number, phone, phone_number, telephone, mobile, mobile_number, cell or cell_phone");
    }

    @Test
    void rejectsAHeaderWithoutANumberColumnNamingTheColumnsFound() {
        assertThatThrownBy(() -> readAll(file("csv/no-number-column.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessage("no-number-column.csv, line 1: has no number column; name one to_number, phone, phone_number, "
                    + "telephone, mobile, mobile_number, cell or cell_phone (case, spaces, - and _ ignored), or set "
                    + "bulkcall.input.number-column (columns found: name, contact, city)");
    }

    @Test
    void rejectsAHeaderNamingAColumnTwice() {
        assertThatThrownBy(() -> readAll(file("csv/duplicate-columns.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessage("duplicate-columns.csv, line 1: names the column \"name\" more than once "
                    + "(columns found: to_number, name, name)");
    }

    @Test
    void aToNumberColumnWinsOverAPhoneColumn() {
        // given a header "phone,to_number"
        // when
        InputRows reader = inputFiles().open(file("csv/to-number-and-phone.csv"));
        reader.close();

        // then
        assertThat(reader.header().numberColumnName()).isEqualTo("to_number");
        assertThat(reader.header().metadataColumns()).containsExactly("phone");
    }

    @Test
    void rejectsAHeaderWithAnUnnamedColumn() {
        assertThatThrownBy(() -> readAll(file("csv/unnamed-column.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessage("unnamed-column.csv, line 1: column 2 has no name; name it or delete the column "
                    + "(columns found: to_number, (no name), name)");
    }

    @Test
    void takesTheEmptyCellsExcelWritesRightOfTheDataForNoColumns() throws Exception {
        // when: to_number,name,, and rows as wide
        List<CsvRow> rows = readAll(file("csv/excel-padded.csv"));

        // then
        assertThat(rows).extracting(CsvRow::line, CsvRow::values, CsvRow::malformation).containsExactly(
                tuple(2L, List.of("+12125550143", "Ann"), null),
                tuple(3L, List.of("+12125550144", "Bo"), null),
                tuple(4L, List.of("+12125550145", "Cy", "x", ""), "has a value in column 3, which the header does not name"),
                tuple(5L, List.of("+12125550146", "Dix"), null),
                tuple(6L, List.of("+12125550147", "Eve", "", "", ""), "has 5 columns, the header has 2"));
    }

    @Test
    void rejectsAHeaderOfTenThousandColumns() throws IOException {
        // given
        StringBuilder header = new StringBuilder("to_number");
        for (int i = 1; i < 10_000; i++) {
            header.append(",column").append(i);
        }
        Path csv = write(header + "\n+12125550143\n");

        // then
        assertThatThrownBy(() -> readAll(csv))
            .isInstanceOf(InputFileException.class)
            .hasMessage("input.csv, line 1: has 10000 columns; at most 1000 are supported");
    }

    @Test
    void rejectsInvalidUtf8NamingItsLine() {
        // given a file saved as Latin-1, with an é on line 3

        // then
        assertThatThrownBy(() -> readAll(file("csv/latin1.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessage("latin1.csv, line 3: is not valid UTF-8 (byte 0xE9); save the file as UTF-8 (in Excel: \"CSV UTF-8\")")
            .extracting(ex -> ((InputFileException) ex).line())
            .isEqualTo(3L);
    }

    @Test
    void rejectsInvalidUtf8FarIntoTheFileWithItsLine() throws IOException {
        // given 5,000 good rows (more than one read buffer) and a bad byte on line 5002
        StringBuilder text = new StringBuilder("to_number,name\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("+12125550143,Ann Smith-Jones\n");
        }
        Path csv = dir.resolve("input.csv");
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "+12125550144,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(csv, good);
        Files.write(csv, bad, StandardOpenOption.APPEND);

        // then
        assertThatThrownBy(() -> readAll(csv))
            .isInstanceOf(InputFileException.class)
            .hasMessageStartingWith("input.csv, line 5002: is not valid UTF-8 (byte 0xE9)");
    }

    @Test
    void rejectsBinaryContent() throws IOException {
        // given the first bytes of a zip archive, as an .xlsx renamed to .csv has them
        Path csv = dir.resolve("input.csv");
        Files.write(csv, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});

        // then
        assertThatThrownBy(() -> readAll(csv))
            .isInstanceOf(InputFileException.class)
            .hasMessageContaining("input.csv: does not look like a CSV text file");
    }

    @Test
    void rejectsANulCharacterAfterTheFirstBuffer() throws IOException {
        // given
        Path csv = write("to_number,name\n" + "+12125550143,Ann\n".repeat(5_000) + "+12125550144,B\0o\n");

        // then
        assertThatThrownBy(() -> readAll(csv))
            .isInstanceOf(InputFileException.class)
            .hasMessage("input.csv, line 5002: contains a NUL character; this does not look like a CSV text file");
    }

    @Test
    void readsUtf16TextWithAByteOrderMarkAsExcelsUnicodeTextSavesIt() throws IOException {
        // given: Excel's "Unicode Text", UTF-16 little endian after its byte order mark, tab-separated
        Path txt = dir.resolve("contacts.txt");
        Files.write(txt, "\ufeffName\tPhone\r\nZoë\t+12125550143\r\n".getBytes(StandardCharsets.UTF_16LE));

        // when
        InputRows reader = inputFiles().open(txt);
        List<CsvRow> rows = readAll(reader);

        // then
        assertThat(reader.describe()).isEqualTo("UTF-16, tab-separated");
        assertThat(reader.header().columns()).containsExactly("Name", "Phone");
        assertThat(rows).extracting(CsvRow::line, CsvRow::values).containsExactly(tuple(2L, List.of("Zoë", "+12125550143")));
    }

    @Test
    void rejectsUtf16WithoutAByteOrderMarkSayingHowToSaveIt() throws IOException {
        // given
        Path csv = dir.resolve("input.csv");
        Files.write(csv, "to_number\n+12125550143\n".getBytes(StandardCharsets.UTF_16LE));

        // then
        assertThatThrownBy(() -> readAll(csv))
            .isInstanceOf(InputFileException.class)
            .hasMessage("input.csv: does not look like a CSV text file: it contains binary data (NUL bytes); "
                    + "is it a spreadsheet? Export it as \"CSV UTF-8\"");
    }

    @Test
    void readsASemicolonSeparatedFileAndSaysSo() {
        // given a file as Excel saves "CSV" where the comma is the decimal separator
        // when
        InputRows reader = inputFiles().open(file("input/semicolon.csv"));
        List<CsvRow> rows = readAll(reader);

        // then
        assertThat(reader.describe()).isEqualTo("semicolon-separated");
        assertThat(reader.header().columns()).containsExactly("Name", "Phone", "Amount");
        assertThat(rows).extracting(CsvRow::values).containsExactly(
                List.of("Ann", "+12125550143", "3,50"),
                List.of("Bo; Jr", "+12125550144", "12,00"));
    }

    @Test
    void takesExcelsSepLineForTheDelimiterAndNotForTheHeader() throws Exception {
        // given: the first line Excel reads its delimiter from
        Path csv = write("sep=;\r\nName;Phone\r\nAnn, Smith;+12125550143\r\n");

        // when
        InputRows reader = inputFiles().open(csv);
        List<CsvRow> rows = readAll(reader);

        // then
        assertThat(reader.describe()).isEqualTo("semicolon-separated");
        assertThat(reader.header().columns()).containsExactly("Name", "Phone");
        assertThat(rows).extracting(CsvRow::line, CsvRow::values)
            .containsExactly(tuple(3L, List.of("Ann, Smith", "+12125550143")));
    }

    @Test
    void readsATabSeparatedFile() {
        // when
        InputRows reader = inputFiles().open(file("input/tab.csv"));
        List<CsvRow> rows = readAll(reader);

        // then
        assertThat(reader.describe()).isEqualTo("tab-separated");
        assertThat(rows).extracting(CsvRow::values).containsExactly(List.of("Ann, Smith", "+12125550143"));
    }

    @Test
    void keepsACommaFileWhoseQuotedCellsHoldSemicolonsCommaSeparated() {
        // given "to_number,name,note" and notes such as "call after 5; ask for Ann"
        // when
        InputRows reader = inputFiles().open(file("input/comma-quoted-semicolons.csv"));
        List<CsvRow> rows = readAll(reader);

        // then
        assertThat(reader.describe()).isEmpty();
        assertThat(rows).extracting(CsvRow::values).containsExactly(
                List.of("+12125550143", "Ann", "call after 5; ask for Ann"),
                List.of("+12125550144", "Bo", "no; never; not"));
    }

    @Test
    void readsTheDelimiterTheSettingNames() {
        // when
        InputRows reader = inputFiles(";", null, null).open(file("input/semicolon.csv"));
        reader.close();

        // then
        assertThat(reader.header().columns()).containsExactly("Name", "Phone", "Amount");
    }

    @Test
    void aMissingNumberColumnInAHeaderHoldingTabsSaysTheFileLooksTabSeparated() {
        assertThatThrownBy(() -> inputFiles(",", null, null).open(file("input/tab.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessageEndingWith("(columns found: Name\tTelephone); the header holds tabs: the file looks "
                    + "tab-separated (bulkcall.input.delimiter=tab or auto)");
    }

    @Test
    void aMissingNumberColumnInAHeaderHoldingSemicolonsSaysTheFileLooksSemicolonSeparated() {
        assertThatThrownBy(() -> inputFiles(",", null, null).open(file("input/semicolon.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessageEndingWith("(columns found: Name;Phone;Amount); the header holds semicolons: the file looks "
                    + "semicolon-separated (bulkcall.input.delimiter=; or auto)");
    }

    @Test
    void rejectsARecordLongerThanOneMebibyteWithoutHoldingIt() throws IOException {
        // given a 10 MB line 3
        Path csv = dir.resolve("input.csv");
        try (var out = Files.newBufferedWriter(csv)) {
            out.write("to_number,note\n+12125550143,short\n+12125550144,");
            char[] block = new char[1 << 16];
            java.util.Arrays.fill(block, 'x');
            for (int i = 0; i < 160; i++) {
                out.write(block);
            }
            out.write("\n");
        }

        // then
        assertThatThrownBy(() -> readAll(csv))
            .isInstanceOf(InputFileException.class)
            .hasMessage("input.csv, line 3: is longer than 1 MiB (1048576 characters), the most a row may hold");
    }

    @Test
    void rejectsAnUnclosedQuoteThatRunsOnPastOneMebibyte() throws IOException {
        // given
        Path csv = write("to_number,note\n+12125550143,\"unclosed\n" + "+12125550144,more\n".repeat(70_000));

        // then
        assertThatThrownBy(() -> readAll(csv))
            .isInstanceOf(InputFileException.class)
            .hasMessage("input.csv, line 2: a quoted field opened on line 2 runs on for more than 1 MiB; "
                    + "is its closing quote missing?");
    }

    @Test
    void rejectsAFileThatDoesNotExist() {
        assertThatThrownBy(() -> readAll(dir.resolve("gone.csv")))
            .isInstanceOf(InputFileException.class)
            .hasMessage("gone.csv: does not exist");
    }

    @Test
    void rejectsAFileTruncatedWhileItIsRead() throws Exception {
        // given a reader part-way through a file larger than its read buffer
        Path csv = write("to_number,name\n" + "+12125550143,Ann\n".repeat(20_000));
        InputRows reader = inputFiles().open(csv);
        reader.read();

        // when the file is cut short, beyond the 64 KiB the reader has read ahead
        try (FileChannel channel = FileChannel.open(csv, StandardOpenOption.WRITE)) {
            channel.truncate(200_000);
        }

        // then
        assertThatThrownBy(() -> {
            while (reader.read() != null) {
                // read on to the end
            }
        }).isInstanceOf(InputFileException.class)
            .hasMessage("input.csv: changed while it was being read (340015 bytes when opened, 200000 read); "
                    + "process it again once it is complete");
        reader.close();
    }

    @Test
    void throwsInputFileProblemsFromOpenUnwrapped() {
        assertThatThrownBy(() -> inputFiles().open(file("csv/no-number-column.csv")))
            .isExactlyInstanceOf(InputFileException.class);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("input.csv"), content);
    }
}
