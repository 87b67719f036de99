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
 * Blocks of rows ahead of the ones returned are read from the file and checked on the executor's
 * threads while the rows before them are returned.
 *
 * <p>Why: parsing a row and checking its number depend on the row alone, while staging the rows in the
 * job database runs on the step's thread and is most of its work. Read and checked ahead, the next rows
 * are parsed and checked on another core while a chunk is written, so a large file validates and stages
 * in close to the time of the slower of the two rather than their sum. Everything that depends on
 * earlier rows (duplicates) is left to {@link RowScreener}.
 *
 * <p>A block is read and checked by whichever thread takes it first: one of the executor's, or the
 * thread that takes the rows itself when the next block it needs is not checked yet. Rather than wait,
 * it takes that block, or else a later one nobody has taken, so every core works whenever the thread
 * that takes the rows has nothing else to do. The file is read by one thread at a time, block after
 * block in file order: a block's thread waits until the block before it has read its rows. Checking is
 * what runs side by side.
 *
 * <p>At most {@value #BLOCKS_AHEAD} blocks of {@value #BLOCK_SIZE} rows are read ahead, so memory use
 * does not grow with the file. A problem with the file found while reading ahead (an
 * {@link io.bulkcall.csv.InputFileException}) is thrown once the rows before it have been returned,
 * exactly where reading without reading ahead would have thrown it.
 *
 * <p>Restart: {@link #returned()} counts the rows returned, not the rows read ahead; a reader that
 * resumes {@link #skip skips} that many rows unchecked. Not thread-safe: one thread calls it; the
 * executor's threads only read and check blocks, and {@link #close()} closes the file once none reads
 * it.
 */
public final class NumberCheckingReader implements AutoCloseable {

    static final int BLOCK_SIZE = 250;

    static final int BLOCKS_AHEAD = 8;

    private final InputRows rows;

    private final RowChecker checker;

    private final Executor executor;

    /** Blocks ahead, in file order; the first is the next to return from. */
    private final Deque<Block> blocksAhead = new ArrayDeque<>();

    /** Done once the last block made so far has read its rows, or was dropped. */
    private CompletableFuture<Void> lastRead = CompletableFuture.completedFuture(null);

    private Iterator<CheckedRow> block = Collections.emptyIterator();

    private long returned;

    /** Whether a block returned found the end of the file, or a problem with it. */
    private boolean endOfFile;

    /** What reading ahead ran into, thrown once the rows before it are returned. */
    private RuntimeException problem;

    /**
     * Whether a block may still read from the file: no longer once a block reached its end or a problem
     * with it, or the reader is closing, which stops a block being read at its next row.
     */
    private volatile boolean readable = true;

    /**
     * @param rows the open reader of the file; this reader closes it
     * @param executor reads and checks blocks; a caller-runs executor does it on the thread that takes the rows
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
            if (problem != null) {
                throw problem;
            }
            if (endOfFile) {
                return null;
            }
            readAhead();
            Checked next = checkedByNow(blocksAhead.poll());
            block = next.rows().iterator();
            endOfFile = next.endOfFile();
            problem = next.problem();
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
        readable = false;
        blocksAhead.forEach(Block::drop);
        blocksAhead.clear();
        block = Collections.emptyIterator();
        // the file is closed once no block reads it: one being read on another thread stops at its next row
        lastRead.join();
        rows.close();
    }

    private void readAhead() {
        while (blocksAhead.size() < BLOCKS_AHEAD) {
            Block ahead = new Block(lastRead);
            lastRead = ahead.read;
            blocksAhead.add(ahead);
            executor.execute(ahead);
        }
    }

    /** The block's rows checked: by this thread if nobody took it, after the blocks nobody took meanwhile. */
    private Checked checkedByNow(Block next) {
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
            if (ex.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw ex;
        }
    }

    /**
     * A block's rows with their numbers checked, and what reading them ran into.
     *
     * @param endOfFile whether the file ended in this block or before it, or a problem stopped reading it
     * @param problem what reading ran into after these rows, or {@code null}
     */
    private record Checked(List<CheckedRow> rows, boolean endOfFile, RuntimeException problem) {
    }

    /** Up to {@link #BLOCK_SIZE} rows, read and then checked by the first thread that takes them. */
    private final class Block implements Runnable {

        /** Done once the block before this one read its rows. */
        private final CompletableFuture<Void> readBefore;

        private final CompletableFuture<Void> read = new CompletableFuture<>();

        private final AtomicBoolean taken = new AtomicBoolean();

        private final CompletableFuture<Checked> checked = new CompletableFuture<>();

        /**
         * Its rows; made with the block, so that a thread that takes it does nothing outside
         * {@link #readRows()} before it completes {@code read}.
         */
        private final List<CsvRow> unchecked = new ArrayList<>(BLOCK_SIZE);

        Block(CompletableFuture<Void> readBefore) {
            this.readBefore = readBefore;
        }

        /** Reads and checks the rows, unless another thread took them first. */
        @Override
        public void run() {
            if (taken.compareAndSet(false, true)) {
                try {
                    RuntimeException problem = readRows();
                    checked.complete(new Checked(checker.check(unchecked, rows.header()),
                            unchecked.size() < BLOCK_SIZE, problem));
                }
                catch (Throwable failure) {
                    checked.completeExceptionally(failure);
                }
            }
        }

        /**
         * Reads the block's rows once the block before it has read its own.
         *
         * @return what reading ran into, or {@code null}: a problem ends the file for every later block
         */
        private RuntimeException readRows() {
            try {
                readBefore.join();
                while (readable && unchecked.size() < BLOCK_SIZE) {
                    CsvRow row = rows.read();
                    if (row == null) {
                        readable = false;
                    }
                    else {
                        unchecked.add(row);
                    }
                }
                return null;
            }
            catch (RuntimeException problem) {
                readable = false;
                return problem;
            }
            finally {
                read.complete(null);
            }
        }

        /** Leaves the rows unread, if nobody took them yet. */
        void drop() {
            if (taken.compareAndSet(false, true)) {
                readBefore.whenComplete((done, failure) -> read.complete(null));
            }
        }
    }
}
