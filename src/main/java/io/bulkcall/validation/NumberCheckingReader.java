package io.bulkcall.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.input.InputRows;

/**
 * Reads the data rows of an input file with their numbers checked ({@link CheckedRow}), in file order.
 * Its {@link InputRows} parse the file on the reading thread; blocks of rows read ahead are
 * checked on the executor's threads while the rows before them are returned.
 *
 * <p>Why: checking a number with libphonenumber is most of the cost of validating a row, and depends
 * on the row alone, while staging the rows in the job database runs on the step's thread. Checked
 * ahead, the numbers of the next rows are checked on another core while a chunk is written, so a
 * large file validates and stages in close to the time of the slower of the two rather than their
 * sum. Everything that depends on earlier rows (duplicates) is left to {@link RowScreener}.
 *
 * <p>A block is checked by whichever thread takes it first: one of the executor's, or the reading thread
 * itself when the next block it needs is not checked yet. Rather than wait, it checks that block, or
 * else a later one nobody has taken, so every core checks numbers whenever the reading thread has
 * nothing else to do.
 *
 * <p>At most {@value #BLOCKS_AHEAD} blocks of {@value #BLOCK_SIZE} rows are read ahead, so memory use
 * does not grow with the file. A problem with the file found while reading ahead (an
 * {@link io.bulkcall.csv.InputFileException}) is thrown once the rows before it have been returned,
 * exactly where reading without reading ahead would have thrown it.
 *
 * <p>Restart: {@link #returned()} counts the rows returned, not the rows read ahead; a reader that
 * resumes {@link #skip skips} that many rows unchecked. Not thread-safe: one thread reads; the
 * executor's threads only check rows.
 */
public final class NumberCheckingReader implements AutoCloseable {

    static final int BLOCK_SIZE = 250;

    static final int BLOCKS_AHEAD = 8;

    private final InputRows rows;

    private final RowChecker checker;

    private final Executor executor;

    /** Blocks read ahead, in file order; the first is the next to return from. */
    private final Deque<Block> blocksAhead = new ArrayDeque<>();

    private Iterator<CheckedRow> block = Collections.emptyIterator();

    private long returned;

    private boolean endOfFileAhead;

    /** What reading ahead ran into, thrown once the rows before it are returned. */
    private RuntimeException problemAhead;

    /**
     * @param rows the open reader of the file; this reader closes it
     * @param executor runs the checks; a caller-runs executor checks each block on the reading thread
     */
    public NumberCheckingReader(InputRows rows, RowChecker checker, Executor executor) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The header of the file. */
    public CsvHeader header() {
        return rows.header();
    }

    /** Reads past the first {@code count} rows unchecked, as returned before a restart; call it before {@link #read}. */
    public void skip(long count) {
        returned += rows.skip(count);
    }

    /** The next row with its number checked, or {@code null} at the end of the file. */
    public CheckedRow read() {
        while (!block.hasNext()) {
            readAhead();
            Block next = blocksAhead.poll();
            if (next == null) {
                if (problemAhead != null) {
                    throw problemAhead;
                }
                return null;
            }
            block = checkedByNow(next).iterator();
        }
        returned++;
        return block.next();
    }

    /** How many rows were returned (or skipped) so far: where a restart resumes. */
    public long returned() {
        return returned;
    }

    @Override
    public void close() {
        // blocks being checked finish on their own, and nobody takes the others; nothing reads them
        blocksAhead.forEach(Block::drop);
        blocksAhead.clear();
        block = Collections.emptyIterator();
        endOfFileAhead = false;
        problemAhead = null;
        rows.close();
    }

    private void readAhead() {
        while (blocksAhead.size() < BLOCKS_AHEAD && !endOfFileAhead) {
            List<CsvRow> rowsAhead = new ArrayList<>(BLOCK_SIZE);
            try {
                while (rowsAhead.size() < BLOCK_SIZE && !endOfFileAhead) {
                    CsvRow row = rows.read();
                    if (row == null) {
                        endOfFileAhead = true;
                    }
                    else {
                        rowsAhead.add(row);
                    }
                }
            }
            catch (RuntimeException problem) {
                endOfFileAhead = true;
                problemAhead = problem;
            }
            if (!rowsAhead.isEmpty()) {
                Block ahead = new Block(rowsAhead, rows.header());
                blocksAhead.add(ahead);
                executor.execute(ahead);
            }
        }
    }

    /** The block's rows checked: by this thread if nobody took it, after checking the blocks nobody took meanwhile. */
    private List<CheckedRow> checkedByNow(Block next) {
        next.run();
        for (Block later : blocksAhead) {
            if (next.checked.isDone()) {
                break;
            }
            later.run();
        }
        try {
            return next.checked.join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw ex;
        }
    }

    /** Rows read ahead, checked by the first thread that takes them. */
    private final class Block implements Runnable {

        private final List<CsvRow> unchecked;

        private final CsvHeader header;

        private final AtomicBoolean taken = new AtomicBoolean();

        private final CompletableFuture<List<CheckedRow>> checked = new CompletableFuture<>();

        Block(List<CsvRow> unchecked, CsvHeader header) {
            this.unchecked = unchecked;
            this.header = header;
        }

        /** Checks the rows, unless another thread took them first. */
        @Override
        public void run() {
            if (taken.compareAndSet(false, true)) {
                try {
                    checked.complete(checker.check(unchecked, header));
                }
                catch (Throwable problem) {
                    checked.completeExceptionally(problem);
                }
            }
        }

        /** Leaves the rows unchecked, if nobody took them yet. */
        void drop() {
            taken.set(true);
        }
    }
}
