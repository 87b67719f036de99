package io.bulkcall.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.TestKeys;
import org.h2.Driver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures a large file on its way to Cartesia: bulkcall runs as an operator runs it,
 * {@code java -Xmx256m -jar target/bulkcall.jar}, in a JVM of its own with the JVM's default compilers
 * and collector, against a sandbox in this JVM.
 *
 * <p>A benchmark, not a test: it prints its figures, and checks only that the run did what it
 * measures. The normal build leaves it out (failsafe runs {@code *IT}); the {@code benchmark} Maven
 * profile runs it: {@code ./mvnw -B -Pbenchmark verify [-Dbenchmark.rows=N]} (1,000,000 rows by
 * default). The input has one invalid number and one duplicate in every hundred rows.
 */
class LargeFileBenchmark {

    private static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);

    private static final Path JAR = Path.of("target/bulkcall.jar").toAbsolutePath();

    /** A GC log line's heap sizes: in use before the collection, after it, and the heap's size. */
    private static final Pattern HEAP = Pattern.compile(" (\\d+)M->(\\d+)M\\(\\d+M\\)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path input;

    private static Path largeCsv;

    private static int valid;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void writeInput() throws IOException {
        largeCsv = input.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(largeCsv, StandardCharsets.UTF_8)) {
            out.write("to_number,customer_id,first_name\n");
            for (int i = 0; i < ROWS; i++) {
                String number;
                if (i % 100 == 99) {
                    number = "555-01";
                }
                else if (i % 100 == 98) {
                    number = CsvFiles.writtenUsNumber(i - 1);
                }
                else {
                    number = CsvFiles.writtenUsNumber(i);
                    valid++;
                }
                out.write(number + ",cust-" + i + ",Name" + i + "\n");
            }
        }
    }

    @Test
    void validateChecksALargeFileWithA256MegabyteHeap() throws Exception {
        // when
        long start = System.nanoTime();
        int exitCode = bulkcall("validate", largeCsv.toString(), "--bulkcall.output-dir=" + dir.resolve("output"));
        Duration time = Duration.ofNanos(System.nanoTime() - start);

        // then
        assertThat(exitCode).as(Files.readString(dir.resolve("bulkcall.err"))).isZero();
        assertThat(Files.readString(dir.resolve("bulkcall.err")))
            .contains("large.csv: %d rows, %d valid, %d rejected".formatted(ROWS, valid, ROWS - valid));
        System.out.printf("%nbulkcall validate, %,d rows, -Xmx256m:%n  %,d rows in %.1f s, JVM start-up included: %,.0f rows/s%n",
                ROWS, ROWS, seconds(time), ROWS / seconds(time));
        printHeap();
    }

    @Test
    void runValidatesStagesAndSubmitsALargeFileWithA256MegabyteHeap() throws Exception {
        // given: the file in the input folder, the batches scheduled a day ahead, so that the run
        // stops at its first wait for calls and nobody is dialed, not even in the sandbox
        Files.createDirectories(dir.resolve("input"));
        Files.copy(largeCsv, dir.resolve("input/large.csv"));
        try (SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults()).start()) {
            // when
            int exitCode = bulkcall("run", "--bulkcall.input-quiet-period=0s",
                    "--bulkcall.cartesia.base-url=" + sandbox.baseUrl(), "--bulkcall.cartesia.response-timeout=60s",
                    "--bulkcall.poll.interval=100ms", "--bulkcall.poll.max-wait=1s", "--bulkcall.batch.scheduled-at="
                            + OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS));

            // then: stopped waiting for the scheduled calls, every valid number sent once
            assertThat(exitCode).as(Files.readString(dir.resolve("bulkcall.err"))).isEqualTo(1);
            assertThat(sandbox.createdToNumbers()).hasSize(valid).doesNotHaveDuplicates();
        }
        System.out.printf("%nbulkcall run, %,d rows, -Xmx256m, sandbox in another JVM:%n", ROWS);
        steps().forEach(step -> System.out.println("  " + step));
        printHeap();
    }

    private int bulkcall(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xlog:gc:file=" + dir.resolve("gc.log"), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--bulkcall.agent-id=agent_sandbox", "--bulkcall.from-number-id=ap_sandbox"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(dir.resolve("bulkcall.out").toFile())
            .redirectError(dir.resolve("bulkcall.err").toFile());
        builder.environment().put("CARTESIA_API_KEY", TestKeys.API_KEY);
        Process bulkcall = builder.start();
        if (!bulkcall.waitFor(1, TimeUnit.HOURS)) {
            bulkcall.destroyForcibly();
            throw new AssertionError("bulkcall did not finish within an hour");
        }
        return bulkcall.exitValue();
    }

    /** The job's own record of its steps, from the H2 job repository the run left in its folder. */
    private List<StepFigures> steps() {
        var dataSource = new SimpleDriverDataSource(new Driver(), "jdbc:h2:file:" + dir.resolve("data/bulkcall"), "sa", "");
        return JdbcClient.create(dataSource)
            .sql("""
                    SELECT STEP_NAME, READ_COUNT, WRITE_COUNT, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION
                    WHERE STEP_NAME IN ('validate', 'submit') ORDER BY STEP_EXECUTION_ID""")
            .query((rs, row) -> new StepFigures(rs.getString(1), rs.getLong(2), rs.getLong(3),
                    Duration.between(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant())))
            .list();
    }

    // the most the heap held before a collection, and the most a collection left in it
    private void printHeap() throws IOException {
        long inUse = 0;
        long left = 0;
        for (String line : Files.readAllLines(dir.resolve("gc.log"))) {
            Matcher heap = HEAP.matcher(line);
            if (line.contains("Pause") && heap.find()) {
                inUse = Math.max(inUse, Long.parseLong(heap.group(1)));
                left = Math.max(left, Long.parseLong(heap.group(2)));
            }
        }
        System.out.printf("  heap: at most %d MB in use, at most %d MB left by a collection, of 256 MB%n%n", inUse, left);
    }

    private static double seconds(Duration time) {
        return time.toMillis() / 1000.0;
    }

    private record StepFigures(String step, long read, long written, Duration time) {

        @Override
        public String toString() {
            return "%-8s %,d rows read, %,d written, in %.1f s: %,.0f rows/s".formatted(step, read, written,
                    seconds(time), read / seconds(time));
        }
    }
}
