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
 * row with broken quoting. Not thread-safe.
 */
final class CsvRows implements InputRows {

    private final CsvParser parser;

    private final CsvHeader header;

    private CsvRows(CsvParser parser, CsvHeader header) {
        this.parser = parser;
        this.header = header;
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
            return new CsvRows(parser, CsvHeader.of(file, parser.next(), numberColumn));
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
        return row.withMalformation("has " + columns + (columns == 1 ? " column" : " columns") + ", the header has "
                + header.size());
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
