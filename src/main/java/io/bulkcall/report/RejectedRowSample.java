package io.bulkcall.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.csv.CsvParser;
import io.bulkcall.csv.CsvRow;

/**
 * One rejected row as {@code rejected.csv} has it, for the report's first rows: cells as written there
 * (neutralized for spreadsheets).
 */
record RejectedRowSample(String line, String toNumber, String reason, String detail) {

    /**
     * The first rows of a {@code rejected.csv}, read with its own leading columns
     * ({@code line,to_number,reason,detail}) whatever the row's other cells; none when it was not written.
     */
    static List<RejectedRowSample> first(Path rejectedCsv, int count) {
        if (!Files.exists(rejectedCsv)) {
            return List.of();
        }
        List<RejectedRowSample> rows = new ArrayList<>(Math.min(count, 128));
        try (CsvParser parser = CsvParser.open(rejectedCsv)) {
            parser.next();
            for (CsvRow row = parser.next(); row != null && rows.size() < count; row = parser.next()) {
                rows.add(new RejectedRowSample(cell(row, 0), cell(row, 1), cell(row, 2), cell(row, 3)));
            }
        }
        return List.copyOf(rows);
    }

    private static String cell(CsvRow row, int index) {
        return index < row.values().size() ? row.values().get(index) : "";
    }
}
