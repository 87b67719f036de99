package io.bulkcall.csv;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.util.Assert;

/**
 * Reads the data rows of an input CSV file, one {@link CsvRow} per non-blank record after the header,
 * streaming: memory use does not grow with the file. The header is read and checked on
 * {@link #open(ExecutionContext) open}; a row whose column count differs from the header's comes back
 * malformed, like a row with broken quoting, and reading carries on.
 *
 * <p>Problems with the file as a whole throw {@link InputFileException}, from {@code open} as well as
 * from {@code read} (not wrapped in an {@link ItemStreamException}).
 *
 * <p>Restart: the count of rows read is saved under {@code <name>.read.count}; on restart the file is
 * parsed again from the top and that many rows are skipped, so the file must not have changed in
 * between (the job identifies a file by its content hash). Not thread-safe.
 */
public class CsvRecordReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private final Path file;

    private CsvParser parser;

    private CsvHeader header;

    /**
     * A reader of one file. Give it a name with {@link #setName(String)}: the name prefixes its keys in
     * the step's ExecutionContext, so it is persisted state, and renaming it breaks the restart of an
     * unfinished job.
     *
     * @param file the CSV file to read
     */
    public CsvRecordReader(Path file) {
        Assert.notNull(file, "file must not be null");
        this.file = file;
    }

    /** The header of the file; available once the reader is open. */
    public CsvHeader header() {
        Assert.state(header != null, "the header is read when the reader is opened");
        return header;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            super.open(executionContext);
        }
        catch (ItemStreamException ex) {
            if (ex.getCause() instanceof InputFileException inputFileProblem) {
                throw inputFileProblem;
            }
            throw ex;
        }
    }

    @Override
    protected void doOpen() {
        parser = CsvParser.open(file);
        try {
            header = CsvHeader.of(file, parser.next());
        }
        catch (RuntimeException ex) {
            parser.close();
            parser = null;
            throw ex;
        }
    }

    @Override
    protected CsvRow doRead() {
        CsvRow row = parser.next();
        if (row == null || row.values().size() == header.size()) {
            return row;
        }
        int columns = row.values().size();
        return row.withMalformation("has " + columns + (columns == 1 ? " column" : " columns") + ", the header has "
                + header.size());
    }

    @Override
    protected void doClose() {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }
}
