package io.bulkcall.csv;

import java.util.List;

/**
 * One record of a CSV file, as read: its cells in file order, unquoted; or one row of a workbook's sheet.
 *
 * @param line the 1-based physical line the record starts on (the header is line 1); a record with a
 *        line break inside quotes spans several lines, and the next record's number accounts for them.
 *        For a sheet's row, its row number
 * @param values the cells; for a malformed record, as much as could be made of it
 * @param malformation {@code null} for a well-formed record, else a sentence saying what is wrong with
 *        it, such as {@code "has 5 columns, the header has 4"}
 */
public record CsvRow(long line, List<String> values, String malformation) {

    public CsvRow {
        values = List.copyOf(values);
    }

    public boolean isMalformed() {
        return malformation != null;
    }

    /**
     * This row without the empty cells after its first {@code columns}: the ones Excel writes right of
     * the data on every line ({@code 2125550143,,}) once cells there were formatted or cleared.
     */
    public CsvRow withoutEmptyCellsAfter(int columns) {
        int kept = values.size();
        while (kept > columns && values.get(kept - 1).isBlank()) {
            kept--;
        }
        return kept == values.size() ? this : new CsvRow(line, values.subList(0, kept), malformation);
    }

    /** This row with a malformation, unless it already has one: the first problem found is the one reported. */
    public CsvRow withMalformation(String problem) {
        return isMalformed() ? this : new CsvRow(line, values, problem);
    }
}
