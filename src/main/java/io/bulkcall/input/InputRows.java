package io.bulkcall.input;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.csv.InputFileException;

/**
 * The rows of an input file, whatever its type: the header, read and checked when the file is
 * opened, then the data rows one at a time, streaming, so memory use does not grow with the file.
 * A row's {@link CsvRow#line() line} is where an operator finds it: the CSV line it starts on, or the
 * sheet's row number. Blank lines and empty rows are skipped. A row that does not fit the header comes
 * back {@linkplain CsvRow#malformation() malformed} and reading carries on; problems with the file as a
 * whole throw {@link InputFileException}, from {@link InputFiles#open} as well as from {@link #read}.
 *
 * <p>Not thread-safe. A reader that resumes after a restart {@link #skip skips} the rows read before:
 * the file must not have changed in between (the job identifies a file by its content hash).
 */
public interface InputRows extends AutoCloseable {

    CsvHeader header();

    /** The next data row, or {@code null} at the end of the file. */
    CsvRow read();

    /**
     * Reads past {@code rows} data rows, as a reader that read them before a restart did.
     *
     * @return how many it read past: fewer only at the end of the file
     */
    long skip(long rows);

    /**
     * How the file was read, for an operator to check, when it is not the usual UTF-8 comma-separated
     * CSV: {@code semicolon-separated}, {@code UTF-16, tab-separated}, {@code sheet "Contacts"}; empty
     * for the usual.
     */
    String describe();

    @Override
    void close();
}
