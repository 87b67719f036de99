package io.bulkcall.validation;

import java.util.ArrayList;
import java.util.List;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvWriter;
import io.bulkcall.csv.SpreadsheetSafe;

/**
 * The layout of {@code rejected.csv}: {@code line,to_number,reason,detail}, then the input file's own
 * columns; each rejected row with its line, its number as written, the reason, the detail, and its
 * original cells. Cells a spreadsheet would run as formulas are neutralized, except an E.164 number in
 * a number column. A malformed row keeps the cells it has, so it may be shorter or longer than the header.
 *
 * <p>The layout depends on the input's header, which is known once the file is open, so the header is
 * an argument. With a {@code FlatFileItemWriter}:
 * {@code .headerCallback(out -> out.write(RejectedRowFormat.headerLine(reader.header())))},
 * {@code .lineAggregator(row -> RejectedRowFormat.line(reader.header(), row))} and
 * {@code .lineSeparator(CsvWriter.LINE_SEPARATOR)}. With a {@link CsvWriter}: write
 * {@link #headerCells} and then {@link #cells} of each row.
 */
public final class RejectedRowFormat {

    private RejectedRowFormat() {
    }

    /** The header row of {@code rejected.csv} for an input file with this header. */
    public static List<String> headerCells(CsvHeader header) {
        List<String> cells = new ArrayList<>(CsvHeader.REJECTED_ROW_COLUMNS);
        header.columns().forEach(name -> cells.add(SpreadsheetSafe.cell(name)));
        return cells;
    }

    /** One row of {@code rejected.csv}. */
    public static List<String> cells(CsvHeader header, RejectedRow row) {
        List<String> cells = new ArrayList<>(CsvHeader.REJECTED_ROW_COLUMNS.size() + row.values().size());
        cells.add(Long.toString(row.line()));
        cells.add(SpreadsheetSafe.numberCell(row.rawNumber()));
        cells.add(row.reason().name());
        cells.add(SpreadsheetSafe.cell(row.detail()));
        for (int i = 0; i < row.values().size(); i++) {
            String value = row.values().get(i);
            cells.add(i == header.numberColumn() ? SpreadsheetSafe.numberCell(value) : SpreadsheetSafe.cell(value));
        }
        return cells;
    }

    /** {@link #headerCells} as a CSV line without its line end, for a header callback. */
    public static String headerLine(CsvHeader header) {
        return CsvWriter.formatLine(headerCells(header));
    }

    /** {@link #cells} as a CSV line without its line end, for a {@code LineAggregator}. */
    public static String line(CsvHeader header, RejectedRow row) {
        return CsvWriter.formatLine(cells(header, row));
    }
}
