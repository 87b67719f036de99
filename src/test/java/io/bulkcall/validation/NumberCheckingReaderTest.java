package io.bulkcall.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.csv.InputFileException;
import io.bulkcall.input.InputFixtures;
import io.bulkcall.input.InputRows;
import io.bulkcall.testing.CsvFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberCheckingReaderTest {

    /** Rows enough for every block read ahead to be full, and the last one not. */
    private static final int ROWS = NumberCheckingReader.BLOCK_SIZE * (NumberCheckingReader.BLOCKS_AHEAD + 3) + 7;

    @TempDir
    Path dir;

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer("US");

    private final ExecutorService checkers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCheckers() {
        checkers.shutdownNow();
    }

    @Test
    void returnsEveryRowInFileOrderWithItsNumberCheckedOnTheExecutor() throws IOException {
        // given rows whose numbers alternate between valid and invalid
        Path csv = numbers(ROWS);

        // when
        List<CheckedRow> rows = readAll(reader(csv));

        // then
        assertThat(rows).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            CheckedRow row = rows.get(i);
            assertThat(row.row().line()).isEqualTo(i + 2);
            assertThat(row.rawNumber()).isEqualTo(number(i));
            assertThat(row.check()).isEqualTo(normalizer.normalize(number(i)));
        }
    }

    @Test
    void resumesAfterTheRowsReturnedNotTheRowsReadAhead() throws IOException {
        // given a first run that returned 300 rows, having read further ahead
        Path csv = numbers(ROWS);
        NumberCheckingReader firstRun = reader(csv);
        for (int i = 0; i < 300; i++) {
            firstRun.read();
        }
        long returned = firstRun.returned();
        firstRun.close();

        // when a second run skips them
        NumberCheckingReader secondRun = reader(csv);
        secondRun.skip(returned);
        List<CheckedRow> rest = readAll(secondRun);

        // then
        assertThat(returned).isEqualTo(300);
        assertThat(rest).hasSize(ROWS - 300);
        assertThat(rest.get(0).row().line()).isEqualTo(302);
        assertThat(rest.get(0).rawNumber()).isEqualTo(number(300));
    }

    @Test
    void throwsAProblemFoundReadingAheadOnlyOnceTheRowsBeforeItAreReturned() throws IOException {
        // given good rows, then a byte that is not UTF-8 on the line after them
        Path csv = numbers(ROWS);
        Files.write(csv, "+12125550144,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);
        NumberCheckingReader reader = reader(csv);

        // when
        List<CheckedRow> before = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            before.add(reader.read());
        }

        // then
        assertThat(before).extracting(row -> row.row().line()).doesNotContainNull().endsWith((long) ROWS + 1);
        assertThatThrownBy(reader::read).isInstanceOf(InputFileException.class)
            .hasMessageStartingWith("input.csv, line " + (ROWS + 2) + ": is not valid UTF-8");
        reader.close();
    }

    @Test
    void checksTheBlocksItselfWhileNoCheckingThreadTakesThem() throws IOException {
        // given an executor whose threads are all busy: it queues the blocks and never runs them
        Path csv = numbers(ROWS);
        List<Runnable> queued = new ArrayList<>();

        // when
        List<CheckedRow> rows = readAll(new NumberCheckingReader(InputFixtures.inputFiles().open(csv),
                RowCheckers.windowsOff(normalizer), queued::add));

        // then: the thread that takes the rows read and checked every block, in file order, and the queued tasks find nothing left to do
        assertThat(rows).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(rows.get(i).check()).isEqualTo(normalizer.normalize(number(i)));
        }
        assertThat(queued).hasSizeGreaterThanOrEqualTo((ROWS + NumberCheckingReader.BLOCK_SIZE - 1) / NumberCheckingReader.BLOCK_SIZE);
        queued.forEach(Runnable::run);
    }

    @Test
    void closesTheFileOnlyOnceTheBlockBeingReadOnAnotherThreadHasReadItsRows() throws Exception {
        // given the first block returned, and the second being read on a thread of its own, held at its first row
        List<Runnable> queued = new ArrayList<>();
        HeldRows held = new HeldRows(InputFixtures.inputFiles().open(numbers(ROWS)), NumberCheckingReader.BLOCK_SIZE + 1);
        NumberCheckingReader reader = new NumberCheckingReader(held, RowCheckers.windowsOff(normalizer), queued::add);
        reader.read();
        Thread checking = new Thread(queued.get(1), "checking");
        checking.setDaemon(true);
        checking.start();
        held.reached.await();

        // when
        CompletableFuture<Void> closing = CompletableFuture.runAsync(reader::close);

        // then: the file stays open until that block has read its rows
        assertThatThrownBy(() -> closing.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(held.closed).isFalse();
        held.release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(held.closed).isTrue();
        assertThat(held.readers).contains("checking");
        checking.join();
    }

    @Test
    void leavesTheNumberOfAMalformedRowUnchecked() throws IOException {
        // given a row with a cell too many
        Path csv = dir.resolve("input.csv");
        Files.writeString(csv, "to_number,name\n+12125550143,Ann,extra\n");

        // when
        List<CheckedRow> rows = readAll(reader(csv));

        // then
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.row().isMalformed()).isTrue();
            assertThat(row.rawNumber()).isEqualTo("+12125550143");
            assertThat(row.check()).isNull();
        });
    }

    /** A file's rows that holds the thread reading a given row until the test releases it, and tells who read. */
    private static final class HeldRows implements InputRows {

        private final InputRows rows;
        private final long heldRow;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Set<String> readers = ConcurrentHashMap.newKeySet();
        private long read;
        private volatile boolean closed;

        HeldRows(InputRows rows, long heldRow) {
            this.rows = rows;
            this.heldRow = heldRow;
        }

        @Override
        public CsvHeader header() {
            return rows.header();
        }

        @Override
        public CsvRow read() {
            readers.add(Thread.currentThread().getName());
            if (++read == heldRow) {
                reached.countDown();
                try {
                    release.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            return rows.read();
        }

        @Override
        public long skip(long count) {
            return rows.skip(count);
        }

        @Override
        public String describe() {
            return rows.describe();
        }

        @Override
        public void close() {
            closed = true;
            rows.close();
        }
    }

    private NumberCheckingReader reader(Path csv) {
        return new NumberCheckingReader(InputFixtures.inputFiles().open(csv), RowCheckers.windowsOff(normalizer), checkers);
    }

    private static List<CheckedRow> readAll(NumberCheckingReader reader) {
        List<CheckedRow> rows = new ArrayList<>();
        for (CheckedRow row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        reader.close();
        return rows;
    }

    private Path numbers(int rows) throws IOException {
        StringBuilder text = new StringBuilder("to_number,name\n");
        for (int i = 0; i < rows; i++) {
            text.append(number(i)).append(",Ann\n");
        }
        Path csv = dir.resolve("input.csv");
        Files.writeString(csv, text);
        return csv;
    }

    // every third number is one digit short, so invalid
    private static String number(int i) {
        String number = CsvFiles.writtenUsNumber(i);
        return i % 3 == 2 ? number.substring(0, number.length() - 1) : number;
    }
}
