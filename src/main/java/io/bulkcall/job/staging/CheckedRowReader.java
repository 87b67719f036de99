package io.bulkcall.job.staging;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.input.InputFiles;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.validation.CheckedRow;
import io.bulkcall.validation.NumberCheckingReader;
import io.bulkcall.validation.RowChecker;
import io.bulkcall.validation.SentColumns;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.util.Assert;

/**
 * The validate step's reader: the input file's rows with their numbers checked ahead
 * ({@link NumberCheckingReader}), as a restartable Spring Batch reader. It saves the count of rows
 * returned under {@code <name>.read.count}, and a restarted step skips that many rows unchecked. It
 * reads only the content that identifies its job. Its name is persisted state: renaming it breaks the
 * restart of an unfinished job. Not final: the step scope proxies it. Not thread-safe.
 */
class CheckedRowReader extends ItemStreamSupport implements ItemStreamReader<CheckedRow> {

    /** The key, below the reader's name, of the count of rows returned. */
    static final String READ_COUNT = "read.count";

    private final InputFile file;
    private final InputFiles inputFiles;
    private final RowChecker checker;
    private final Executor executor;
    private final BiFunction<Path, CsvHeader, SentColumns> columnsDecision;
    private NumberCheckingReader rows;
    private SentColumns sentColumns;

    /**
     * @param columnsDecision what the file's columns become at Cartesia, decided from its header as the
     *        reader opens; it refuses the file by throwing
     */
    CheckedRowReader(InputFile file, InputFiles inputFiles, RowChecker checker, Executor executor,
            BiFunction<Path, CsvHeader, SentColumns> columnsDecision) {
        this.file = file;
        this.inputFiles = inputFiles;
        this.checker = checker;
        this.executor = executor;
        this.columnsDecision = columnsDecision;
    }

    /** The header of the file; available once the reader is open. */
    public CsvHeader header() {
        Assert.state(rows != null, "the header is read when the reader is opened");
        return rows.header();
    }

    /** What the file's columns become at Cartesia; decided once the reader is open. */
    public SentColumns sentColumns() {
        Assert.state(sentColumns != null, "the columns are decided when the reader is opened");
        return sentColumns;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        if (file.replaced()) {
            throw new ReplacedInputFileException(file);
        }
        NumberCheckingReader opened = new NumberCheckingReader(inputFiles.open(file.path()), checker, executor);
        try {
            sentColumns = columnsDecision.apply(file.path(), opened.header());
        }
        catch (RuntimeException refused) {
            opened.close();
            throw refused;
        }
        rows = opened;
        rows.skip(executionContext.getLong(getExecutionContextKey(READ_COUNT), 0));
    }

    @Override
    public CheckedRow read() {
        return rows.read();
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(getExecutionContextKey(READ_COUNT), rows.returned());
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
