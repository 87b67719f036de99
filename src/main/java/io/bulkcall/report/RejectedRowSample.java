package io.bulkcall.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

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
        List<RejectedRowSample> rows = new ArrayList<>(Math.min(count, 128));
        try (Reader in = Files.newBufferedReader(rejectedCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                if (record.getRecordNumber() == 1) {
                    continue;
                }
                if (rows.size() == count) {
                    break;
                }
                rows.add(new RejectedRowSample(cell(record, 0), cell(record, 1), cell(record, 2), cell(record, 3)));
            }
        }
        catch (NoSuchFileException missing) {
            return List.of();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rejectedCsv + ": " + e.getMessage(), e);
        }
        return List.copyOf(rows);
    }

    private static String cell(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : "";
    }
}
