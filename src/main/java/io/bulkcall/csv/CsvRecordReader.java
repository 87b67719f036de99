package io.bulkcall.csv;

import java.nio.file.Path;

/**
 * Reads the data rows of an input CSV file, one {@link CsvRow} per non-blank record after the header,
 * streaming: memory use does not grow with the file. The header is read and checked when the reader
 * is opened; a row whose column count differs from the header's comes back malformed, like a row with
 * broken quoting, and reading carries on. Problems with the file as a whole throw
 * {@link InputFileException}, from {@link #open} as well as from {@link #read}.
 *
 * <p>Not thread-safe. A reader that resumes after a restart {@link #skip skips} the rows read before:
 * the file must not have changed in between (the job identifies a file by its content hash).
 */
public final class CsvRecordReader implements AutoCloseable {

    private final CsvParser parser;

    private final CsvHeader header;

    private CsvRecordReader(CsvParser parser, CsvHeader header) {
        this.parser = parser;
        this.header = header;
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws InputFileException when the file cannot be read, or its header is unusable
     */
    public static CsvRecordReader open(Path file) {
        CsvParser parser = CsvParser.open(file);
        try {
            return new CsvRecordReader(parser, CsvHeader.of(file, parser.next()));
        }
        catch (RuntimeException ex) {
            parser.close();
            throw ex;
        }
    }

    public CsvHeader header() {
        return header;
    }

    /** The next data row, or {@code null} at the end of the file. */
    public CsvRow read() {
        CsvRow row = parser.next();
        if (row == null || row.values().size() == header.size()) {
            return row;
        }
        int columns = row.values().size();
        return row.withMalformation("has " + columns + (columns == 1 ? " column" : " columns") + ", the header has "
                + header.size());
    }

    /**
     * Reads past {@code rows} data rows, as a reader that read them before a restart did.
     *
     * @return how many it read past: fewer only at the end of the file
     */
    public long skip(long rows) {
        long skipped = 0;
        while (skipped < rows && parser.next() != null) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public void close() {
        parser.close();
    }
}
