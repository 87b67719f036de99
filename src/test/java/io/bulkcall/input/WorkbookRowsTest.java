package io.bulkcall.input;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.csv.CsvParser;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.csv.InputFileException;
import io.bulkcall.input.Workbooks.Formula;
import io.bulkcall.input.Workbooks.PartContent;
import io.bulkcall.input.Workbooks.Shown;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.bulkcall.input.InputFixtures.inputFiles;
import static io.bulkcall.input.InputFixtures.readAll;
import static io.bulkcall.input.Workbooks.row;
import static io.bulkcall.input.Workbooks.rows;
import static io.bulkcall.input.Workbooks.sheets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class WorkbookRowsTest {

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private static final String SHEET_START = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

    private static final String SHEET_END = "</sheetData></worksheet>";

    @TempDir
    Path dir;

    @Test
    void readsEachCellAsTheSheetShowsIt() {
        // given
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(
                row("to_number", "first_name", "balance", "appointment_date", "appointment", "vip", "greeting"),
                row("+1 212 555 0143", "Ann", 3.5, LocalDate.of(2026, 12, 10), LocalDateTime.of(2026, 12, 10, 9, 30), true,
                        new Formula("\"Hi \"&B2"))));

        // when
        List<CsvRow> rows = readAll(xlsx);

        // then
        assertThat(rows).singleElement().extracting(CsvRow::values).isEqualTo(
                List.of("+1 212 555 0143", "Ann", "3.5", "2026-12-10", "2026-12-10T09:30", "true", "Hi Ann"));
    }

    @Test
    void readsANumberStoredAsANumberInFullWhateverTheColumnShows() {
        // given 14155550143 as a number, shown as 1.42E+10
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(
                row("phone"),
                row(new Shown(14155550143d, "0.00E+00")),
                row(7911123456d)));

        // when
        List<CsvRow> rows = readAll(xlsx);

        // then
        assertThat(rows).extracting(CsvRow::values).containsExactly(List.of("14155550143"), List.of("7911123456"));
    }

    @Test
    void keepsTextThatASpreadsheetAlreadyRoundedAsItIs() {
        // given "4.15555E+10" typed or pasted as text
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(row("phone"), row("4.15555E+10")));

        // then
        assertThat(readAll(xlsx)).extracting(CsvRow::values).containsExactly(List.of("4.15555E+10"));
    }

    @Test
    void skipsEmptyRowsAndNumbersEachRowAsTheSheetDoes() {
        // given row 3 without cells, no row 4, and row 6 of empty text
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(
                row("phone", "name"),
                row("+12125550143", "Ann"),
                row(),
                null,
                row("+12125550144", null),
                row("", ""),
                row(null, "Cy")));

        // when
        List<CsvRow> rows = readAll(xlsx);

        // then
        assertThat(rows).extracting(CsvRow::line, CsvRow::values).containsExactly(
                tuple(2L, List.of("+12125550143", "Ann")),
                tuple(5L, List.of("+12125550144", "")),
                tuple(7L, List.of("", "Cy")));
    }

    @Test
    void readsTheFirstSheetAndSaysWhichItRead() {
        // given
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), sheets(
                "Contacts", rows(row("phone"), row("+12125550143")),
                "Notes", rows(row("note"), row("call in the morning"))));

        // when
        InputRows rows = inputFiles().open(xlsx);
        rows.close();

        // then
        assertThat(rows.header().columns()).containsExactly("phone");
        assertThat(rows.describe()).isEqualTo("sheet \"Contacts\"");
    }

    @Test
    void readsTheFirstSheetAPersonSeesPassingOverHiddenOnes() throws IOException {
        // when
        InputRows rows = inputFiles().open(exportWithItsLookupTabHidden());
        List<CsvRow> read = readAll(rows);

        // then
        assertThat(rows.describe()).isEqualTo("sheet \"Contacts\"");
        assertThat(read).extracting(CsvRow::values).containsExactly(List.of("+12125550143"));
    }

    @Test
    void readsAHiddenSheetTheSettingNames() throws IOException {
        // when: --bulkcall.input.sheet=Lookup
        InputRows rows = inputFiles("auto", "Lookup", null).open(exportWithItsLookupTabHidden());
        List<CsvRow> read = readAll(rows);

        // then
        assertThat(rows.describe()).isEqualTo("sheet \"Lookup\"");
        assertThat(read).extracting(CsvRow::values).containsExactly(List.of("+12125550100"));
    }

    @Test
    void readsAMacroEnabledWorkbookAsAWorkbookRunningNothing() {
        // given
        Path xlsm = Workbooks.xlsm(dir.resolve("contacts.xlsm"), rows(row("phone", "name"), row("+12125550143", "Ann")));

        // when
        InputRows rows = inputFiles().open(xlsm);
        List<CsvRow> read = readAll(rows);

        // then
        assertThat(rows.describe()).isEqualTo("sheet \"Sheet1\"");
        assertThat(read).extracting(CsvRow::values).containsExactly(List.of("+12125550143", "Ann"));
    }

    /** An export whose first tab, a lookup table, is hidden. */
    private Path exportWithItsLookupTabHidden() throws IOException {
        Path xlsx = Workbooks.xlsx(dir.resolve("export.xlsx"), sheets(
                "Lookup", rows(row("mobile"), row("+12125550100")),
                "Contacts", rows(row("phone"), row("+12125550143"))));
        Workbooks.hide(xlsx, "Lookup");
        return xlsx;
    }

    @Test
    void readsTheSheetTheSettingNamesInAnyCase() {
        // given
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), sheets(
                "Notes", rows(row("note"), row("call in the morning")),
                "Contacts", rows(row("phone", "name"), row("+12125550143", "Ann"))));

        // when: --bulkcall.input.sheet=contacts
        InputRows rows = inputFiles("auto", "contacts", null).open(xlsx);
        List<CsvRow> read = readAll(rows);

        // then
        assertThat(rows.describe()).isEqualTo("sheet \"Contacts\"");
        assertThat(read).extracting(CsvRow::values).containsExactly(List.of("+12125550143", "Ann"));
    }

    @Test
    void refusesASheetTheWorkbookDoesNotHaveNamingItsSheets() {
        // given
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), sheets(
                "Notes", rows(row("note")), "Contacts", rows(row("phone"))));

        // then
        assertThatThrownBy(() -> inputFiles("auto", "Leads", null).open(xlsx))
            .isInstanceOf(InputFileException.class)
            .hasMessage("contacts.xlsx: has no sheet \"Leads\", which bulkcall.input.sheet names (sheets found: Notes, Contacts)");
    }

    @Test
    void findsTheNumberColumnTheSettingNames() {
        // given
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(row("Name", "Telefon"), row("Ann", "+12125550143")));

        // when: --bulkcall.input.number-column=Telefon
        InputRows rows = inputFiles("auto", null, "Telefon").open(xlsx);
        rows.close();

        // then
        assertThat(rows.header().numberColumnName()).isEqualTo("Telefon");
    }

    @Test
    void marksARowWithAValueRightOfTheHeaderMalformed() {
        // given
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(
                row("phone", "name"), row("+12125550143", "Ann", null, "stray")));

        // then
        assertThat(readAll(xlsx)).singleElement()
            .extracting(CsvRow::malformation)
            .isEqualTo("has a value in column D, right of the header's last column (B)");
    }

    @Test
    void skipsTheRowsReadBeforeARestart() {
        // given a second run of a sheet whose first run read two rows
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(
                row("phone"), row("+12125550143"), row("+12125550144"), row(), row("+12125550145")));
        InputRows secondRun = inputFiles().open(xlsx);

        // when
        long skipped = secondRun.skip(2);
        List<CsvRow> rest = readAll(secondRun);

        // then
        assertThat(skipped).isEqualTo(2);
        assertThat(rest).extracting(CsvRow::line).containsExactly(5L);
    }

    @Test
    void readsThousandsOfSharedStringsInSheetOrder() {
        // given more shared strings than a look-up reads past, as phone numbers stored as text are
        List<List<Object>> rows = new ArrayList<>(List.of(row("phone", "name")));
        for (int i = 0; i < 3_000; i++) {
            rows.add(row("+1212555%04d".formatted(i), "Name " + (i % 7)));
        }
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows);

        // when
        List<CsvRow> read = readAll(xlsx);

        // then
        assertThat(read).hasSize(3_000);
        assertThat(read.get(2_999).values()).containsExactly("+12125552999", "Name 3");
        assertThat(read.get(1_234).values()).containsExactly("+12125551234", "Name 2");
    }

    @Test
    void refusesAnOldXlsWorkbookSayingHowToSaveIt() {
        // given
        Path xls = Workbooks.xls(dir.resolve("contacts.xls"), rows(row("phone"), row("+12125550143")));

        // then
        assertThatThrownBy(() -> inputFiles().open(xls))
            .isInstanceOf(InputFileException.class)
            .hasMessage("contacts.xls: is an Excel 97-2003 workbook (.xls), which bulkcall does not read; "
                    + "save it as .xlsx or CSV UTF-8");
    }

    @Test
    void refusesAnOldWorkbookNamedXlsx() throws IOException {
        // given
        Path xls = Workbooks.xls(dir.resolve("contacts.xls"), rows(row("phone"), row("+12125550143")));
        Path xlsx = Files.move(xls, dir.resolve("contacts.xlsx"));

        // then
        assertThatThrownBy(() -> inputFiles().open(xlsx))
            .isInstanceOf(InputFileException.class)
            .hasMessage("contacts.xlsx: is an Excel 97-2003 workbook (.xls) named .xlsx, which bulkcall does not read; "
                    + "save it as .xlsx or CSV UTF-8");
    }

    @Test
    void refusesAPasswordProtectedWorkbook() throws Exception {
        // given
        Path plain = Workbooks.xlsx(dir.resolve("plain.xlsx"), rows(row("phone"), row("+12125550143")));
        Path xlsx = dir.resolve("contacts.xlsx");
        try (POIFSFileSystem encrypted = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(encrypted)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                encrypted.writeFilesystem(out);
            }
        }

        // then
        assertThatThrownBy(() -> inputFiles().open(xlsx))
            .isInstanceOf(InputFileException.class)
            .hasMessage("contacts.xlsx: is password-protected; remove the password in Excel (File > Info > Protect Workbook) "
                    + "and save it as .xlsx or CSV UTF-8");
    }

    @Test
    void refusesACorruptWorkbookSayingHowToSaveIt() throws IOException {
        // given a workbook cut short, as a failed download leaves it
        Path whole = Workbooks.xlsx(dir.resolve("whole.xlsx"), rows(row("phone"), row("+12125550143")));
        byte[] bytes = Files.readAllBytes(whole);
        Path xlsx = Files.write(dir.resolve("contacts.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        // then
        assertThatThrownBy(() -> inputFiles().open(xlsx))
            .isInstanceOf(InputFileException.class)
            .hasMessageStartingWith("contacts.xlsx: is not a readable .xlsx workbook (")
            .hasMessageEndingWith("); it may be damaged: open it in Excel and save it as .xlsx or CSV UTF-8");
    }

    @Test
    void refusesTextNamedXlsx() throws IOException {
        // given
        Path xlsx = Files.writeString(dir.resolve("contacts.xlsx"), "phone\n+12125550143\n", StandardCharsets.UTF_8);

        // then
        assertThatThrownBy(() -> inputFiles().open(xlsx))
            .isInstanceOf(InputFileException.class)
            .hasMessageStartingWith("contacts.xlsx: is not a readable .xlsx workbook (");
    }

    @Test
    void refusesARowLongerThanAMebibyteAsItRefusesSuchALineOfACsvFile() throws IOException {
        // given a row of two inline cells of 600,000 characters each, written as no spreadsheet would
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(row("phone", "note", "more")));
        String cell = "x".repeat(600_000);
        Workbooks.rewrite(xlsx, SHEET, PartContent.of(SHEET_START + "<row r=\"1\">" + inline("A1", "phone")
                + inline("B1", "note") + inline("C1", "more") + "</row><row r=\"2\">" + inline("A2", "+12125550143")
                + inline("B2", cell) + inline("C2", cell) + "</row>" + SHEET_END));

        // then
        assertThatThrownBy(() -> readAll(xlsx)).isInstanceOf(InputFileException.class)
            .hasMessage("contacts.xlsx, line 2: is longer than 1 MiB (1048576 characters), the most a row may hold");
    }

    @Test
    void refusesASharedStringLongerThanAnyRowMayHoldBeforeItTakesTheHeap() throws IOException {
        // given
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(row("phone", "note")));
        Workbooks.rewrite(xlsx, "xl/sharedStrings.xml", PartContent.of(
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>phone</t></si><si><t>"
                        + "x".repeat(CsvParser.MAX_RECORD_CHARS + 1) + "</t></si></sst>"));

        // then
        assertThatThrownBy(() -> inputFiles().open(xlsx)).isInstanceOf(InputFileException.class)
            .hasMessage("contacts.xlsx: holds a text of more than 1 MiB (1048576 characters) among its shared strings, "
                    + "more than a row may hold");
    }

    @Test
    void refusesASheetThatInflatesLikeAZipBombOnceItPassesAHundredTimesItsSize() throws IOException {
        // given 20 MB of one row over and over, past the first 16 MiB any part may take, deflated to about 20 KB
        Path xlsx = Workbooks.xlsx(dir.resolve("contacts.xlsx"), rows(row("phone")));
        byte[] sameRow = ("<row>" + inline("A2", "+12125550143") + "</row>").getBytes(StandardCharsets.UTF_8);
        Workbooks.rewrite(xlsx, SHEET, part -> {
            part.write((SHEET_START + "<row r=\"1\">" + inline("A1", "phone") + "</row>").getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 20_000_000; written += sameRow.length) {
                part.write(sameRow);
            }
            part.write(SHEET_END.getBytes(StandardCharsets.UTF_8));
        });

        // then
        assertThatThrownBy(() -> readAll(xlsx)).isInstanceOf(InputFileException.class)
            .hasMessageStartingWith("contacts.xlsx: is not a workbook bulkcall reads: its part " + SHEET
                    + " inflates to more than 100 times its ")
            .hasMessageEndingWith(" compressed bytes, as a zip bomb does and no spreadsheet");
    }

    private static String inline(String reference, String text) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }
}
