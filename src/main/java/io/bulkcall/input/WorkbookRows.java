package io.bulkcall.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvParser;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.csv.InputFileException;

/**
 * The rows of one sheet of an {@code .xlsx} workbook, streamed from its XML with the JDK's StAX
 * parser: the first non-empty row is the header, each later non-empty row a {@link CsvRow} whose line
 * is its row number in the sheet. Cells read as the sheet shows them ({@link CellValues}): text as
 * text, a number in full, a date in ISO 8601, a formula as its cached value. A row with a value to the
 * right of the header's last column comes back malformed.
 *
 * <p>Memory: the sheet is read a row at a time and the shared strings wait in a temporary file
 * ({@link SharedStrings}), so the heap holds a row and some buffers, whatever the size of the sheet.
 * Opening reads the shared strings through once, before the first row. Not thread-safe.
 */
final class WorkbookRows implements InputRows {

    /** The last column a sheet has, XFD. */
    private static final int MAX_COLUMN = 16_384;

    private final Path file;

    private final Workbook workbook;

    private final String sheetName;

    private final Workbook.Part sheet;

    private final XMLStreamReader xml;

    private final SharedStrings strings;

    private final CellStyles styles;

    private final boolean date1904;

    private CsvHeader header;

    private long lastRow;

    private boolean finished;

    private WorkbookRows(Path file, Workbook workbook, String sheetName, Workbook.Part sheet, SharedStrings strings,
            CellStyles styles, boolean date1904) {
        this.file = file;
        this.workbook = workbook;
        this.sheetName = sheetName;
        this.sheet = sheet;
        this.xml = sheet.xml();
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    /**
     * Opens a workbook, spills its shared strings, and reads the header of the sheet.
     *
     * @param sheetName the sheet to read, or {@code null} for the first
     * @param numberColumn the name of the number column, or {@code null} to find it by its usual names
     * @throws InputFileException when the file is not a readable workbook, has no such sheet, or its header is unusable
     */
    static WorkbookRows open(Path file, String sheetName, String numberColumn) {
        Workbook workbook = Workbook.open(file);
        List<AutoCloseable> opened = new ArrayList<>(List.of(workbook));
        try {
            Workbook.Sheets sheets = workbook.sheets();
            Workbook.Sheet chosen = sheets.named(file, sheetName);
            CellStyles styles = CellStyles.none();
            String stylesPart = workbook.related("styles");
            if (stylesPart != null) {
                try (Workbook.Part part = workbook.part(stylesPart)) {
                    styles = CellStyles.read(part.xml());
                }
            }
            String stringsPart = workbook.related("sharedStrings");
            SharedStrings strings;
            if (stringsPart == null) {
                strings = SharedStrings.none();
            }
            else {
                try (Workbook.Part part = workbook.part(stringsPart)) {
                    strings = SharedStrings.spill(part.xml());
                }
                catch (Xml.TextTooLongException ex) {
                    throw new InputFileException(file, "holds a text of more than 1 MiB (" + CsvParser.MAX_RECORD_CHARS
                            + " characters) among its shared strings, more than a row may hold", ex);
                }
            }
            opened.add(strings);
            Workbook.Part sheet = workbook.part(chosen.part());
            opened.add(sheet);
            WorkbookRows rows = new WorkbookRows(file, workbook, chosen.name(), sheet, strings, styles, sheets.date1904());
            rows.header = CsvHeader.of(file, rows.nextRow(), numberColumn);
            return rows;
        }
        catch (IOException | XMLStreamException | RuntimeException ex) {
            Collections.reverse(opened);
            for (AutoCloseable closeable : opened) {
                try {
                    closeable.close();
                }
                catch (Exception closing) {
                    ex.addSuppressed(closing);
                }
            }
            throw ex instanceof InputFileException refused ? refused : Workbook.damaged(file, ex);
        }
    }

    @Override
    public CsvHeader header() {
        return header;
    }

    @Override
    public CsvRow read() {
        CsvRow row = nextRow();
        if (row == null || row.values().size() <= header.size()) {
            return row == null ? null : padded(row);
        }
        int beyond = header.size();
        while (row.values().get(beyond).isEmpty()) {
            beyond++;
        }
        return row.withMalformation("has a value in column " + columnName(beyond) + ", right of the header's last column ("
                + columnName(header.size() - 1) + ")");
    }

    private CsvRow padded(CsvRow row) {
        if (row.values().size() == header.size()) {
            return row;
        }
        List<String> values = new ArrayList<>(row.values());
        while (values.size() < header.size()) {
            values.add("");
        }
        return new CsvRow(row.line(), values, null);
    }

    @Override
    public long skip(long rows) {
        long skipped = 0;
        while (skipped < rows && nextRow() != null) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public String describe() {
        return "sheet \"" + sheetName + "\"";
    }

    /** The next row with a value in it, every cell up to its last value; {@code null} at the end of the sheet. */
    private CsvRow nextRow() {
        try {
            List<String> cells = new ArrayList<>();
            while (!finished) {
                if (!nextRowElement()) {
                    finished = true;
                    return null;
                }
                String number = Xml.attribute(xml, "r");
                long row = number == null ? lastRow + 1 : Long.parseLong(number);
                lastRow = row;
                readCells(row, cells);
                if (!cells.isEmpty()) {
                    return new CsvRow(row, cells, null);
                }
            }
            return null;
        }
        catch (Xml.TextTooLongException ex) {
            throw CsvParser.rowTooLong(file, lastRow);
        }
        catch (XMLStreamException | NumberFormatException | IndexOutOfBoundsException ex) {
            throw new InputFileException(file, lastRow + 1, "the workbook is damaged: sheet \"" + sheetName
                    + "\" cannot be read past row " + lastRow + " (" + ex.getMessage() + "); open it in Excel and "
                    + Workbook.SAVE_AS, ex);
        }
        catch (UncheckedIOException ex) {
            throw new InputFileException(file, lastRow, ex.getMessage(), ex);
        }
    }

    /** Moves to the next {@code <row>} of the sheet's data; false at the end of it. */
    private boolean nextRowElement() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
                return false;
            }
        }
        return false;
    }

    /** Reads the cells of the current {@code <row>} to its end: every column up to the last one with a value. */
    private void readCells(long row, List<String> cells) throws XMLStreamException {
        int column = -1;
        int length = 0;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("c")) {
                skipElement();
                continue;
            }
            String reference = Xml.attribute(xml, "r");
            column = reference == null ? column + 1 : column(reference, row);
            String value = cell(Xml.attribute(xml, "t"), Xml.attribute(xml, "s"), CsvParser.MAX_RECORD_CHARS - length);
            length += value.length();
            if (length > CsvParser.MAX_RECORD_CHARS) {
                throw CsvParser.rowTooLong(file, row);
            }
            if (!value.isEmpty()) {
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(value);
            }
        }
    }

    /**
     * Reads the current {@code <c>} to its end: its value as text, empty when it has none.
     *
     * @param max the most of its text the row has room for
     */
    private String cell(String type, String style, int max) throws XMLStreamException {
        String stored = null;
        String inline = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "v" -> stored = Xml.text(xml, max);
                case "is" -> inline = Xml.richText(xml, max);
                default -> skipElement();
            }
        }
        if (type != null && type.equals("inlineStr")) {
            return inline == null ? "" : inline;
        }
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        if (type == null || type.equals("n")) {
            return style != null && styles.isDate(Integer.parseInt(style)) ? CellValues.date(stored, date1904)
                    : CellValues.number(stored);
        }
        return switch (type) {
            case "s" -> strings.get(Integer.parseInt(stored.strip()));
            case "b" -> CellValues.bool(stored);
            case "d" -> CellValues.isoDate(stored);
            // "str", a formula's text, and "e", an error such as #N/A: as shown
            default -> stored;
        };
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The 0-based column of a cell reference such as {@code AB12}. */
    private int column(String reference, long row) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > MAX_COLUMN) {
                throw new InputFileException(file, row, "the workbook is damaged: cell " + reference
                        + " is right of column XFD, the last a sheet has; open it in Excel and " + Workbook.SAVE_AS);
            }
        }
        return column - 1;
    }

    /** The letters of a 0-based column: A, Z, AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    @Override
    public void close() {
        try (workbook; strings; sheet) {
            // closed in the reverse order: the sheet's stream, the shared strings' file, the archive
        }
        catch (IOException ex) {
            throw new InputFileException(file, "could not be closed: " + ex.getMessage(), ex);
        }
    }
}
