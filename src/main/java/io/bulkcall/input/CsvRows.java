package io.bulkcall.input;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvParser;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.csv.Delimiter;
import io.bulkcall.csv.InputFileException;

/**
 * The rows of a CSV file, one {@link CsvRow} per non-blank record after the header, parsed by
 * {@link CsvParser}. A row whose column count differs from the header's comes back malformed, like a
 * row with broken quoting. Empty cells right of the header's last named column are no columns: Excel
 * writes them on every line ({@code to_number,name,,}) once cells right of the data were formatted
 * or cleared. A row as wide as such a header line is well-formed when its cells there are empty too.
 * Not thread-safe.
 */
final class CsvRows implements InputRows {

    private final CsvParser parser;

    private final CsvHeader header;

    /** How many cells the header line has, its empty ones right of the last named column with them. */
    private final int width;

    private CsvRows(CsvParser parser, CsvHeader header, int width) {
        this.parser = parser;
        this.header = header;
        this.width = width;
    }

    /**
     * Opens a file and reads its header.
     *
     * @param delimiter what separates the cells, or {@link Delimiter#AUTO}
     * @param numberColumn the name of the number column, or {@code null} to find it by its usual names
     * @throws InputFileException when the file cannot be read, or its header is unusable
     */
    static CsvRows open(Path file, Delimiter delimiter, String numberColumn) {
        CsvParser parser = CsvParser.open(file, delimiter);
        try {
            CsvRow line = parser.next();
            CsvHeader header = CsvHeader.of(file, line == null ? null : line.withoutEmptyCellsAfter(1), numberColumn);
            return new CsvRows(parser, header, line.values().size());
        }
        catch (RuntimeException ex) {
            parser.close();
            throw ex;
        }
    }

    @Override
    public CsvHeader header() {
        return header;
    }

    @Override
    public CsvRow read() {
        CsvRow row = parser.next();
        if (row == null || row.values().size() == header.size()) {
            return row;
        }
        int columns = row.values().size();
        if (columns != width) {
            return row.withMalformation("has " + columns + (columns == 1 ? " column" : " columns") + ", the header has "
                    + header.size());
        }
        for (int column = header.size(); column < width; column++) {
            if (!row.values().get(column).isBlank()) {
                return row.withMalformation("has a value in column " + (column + 1) + ", which the header does not name");
            }
        }
        return row.withoutEmptyCellsAfter(header.size());
    }

    @Override
    public long skip(long rows) {
        long skipped = 0;
        while (skipped < rows && parser.next() != null) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public String describe() {
        List<String> unusual = new ArrayList<>();
        if (!parser.charset().equals(StandardCharsets.UTF_8)) {
            unusual.add("UTF-16");
        }
        if (parser.delimiter() != Delimiter.COMMA) {
            unusual.add(parser.delimiter().describe());
        }
        return String.join(", ", unusual);
    }

    @Override
    public void close() {
        parser.close();
    }
}
