package io.bulkcall.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Processes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.h2.Driver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures a large file on its way to Cartesia: bulkcall runs as an operator runs it,
 * {@code java -Xmx256m -jar target/bulkcall.jar}, in a JVM of its own with the JVM's default compilers
 * and collector, against a sandbox in this JVM; {@code validate} runs installed as the README installs
 * it for the nightly runs too, where its start-up differs.
 *
 * <p>A benchmark, not a test: it prints its figures, and checks only that the run did what it
 * measures. The normal build leaves it out (failsafe runs {@code *IT}); the {@code benchmark} Maven
 * profile runs it: {@code ./mvnw -B -Pbenchmark verify [-Dbenchmark.rows=N]} (1,000,000 rows by
 * default). The input has one invalid number and one duplicate in every hundred rows.
 *
 * <p>Its yardstick is the {@link BarePass}: the file read and its numbers checked on one thread with
 * libphonenumber alone, in a JVM of its own. {@code validate} and the {@code run}'s validate step are
 * each given as a multiple of it, measured in turn with them, as the machine's speed drifts.
 */
class LargeFileBenchmark {

    private static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);

    /** How often {@code bulkcall validate} and the bare pass run, in turn, for the median of each. */
    private static final int ROUNDS = 3;

    /** What the bare pass prints: the valid numbers of the file, and the distinct ones. */
    private static final Pattern BARE_PASS_FOUND = Pattern.compile("(\\d+) valid, (\\d+) distinct");

    /** The Cartesia endpoints a run calls, by the names of Cartesia's reference. */
    private static final Map<String, SandboxEndpoint> REQUESTS = requests();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path input;

    private static Path largeCsv;

    private static int valid;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private HeapLimitedBulkcall bulkcall;

    @BeforeEach
    void inItsOwnFolder() {
        bulkcall = new HeapLimitedBulkcall(dir);
    }

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
        // given: bulkcall as packaged, and as the README installs it for its nightly runs
        HeapLimitedBulkcall installed = HeapLimitedBulkcall.installed(dir.resolve("installed"),
                Files.createDirectories(dir.resolve("installed-run")));

        // when: the bare pass and bulkcall validate in turn, packaged then installed, each validate on a
        // fresh job database
        List<Duration> bare = new ArrayList<>();
        List<Duration> packagedTimes = new ArrayList<>();
        List<Duration> installedTimes = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            bare.add(barePass());
            packagedTimes.add(validate(bulkcall, dir));
            installedTimes.add(validate(installed, dir.resolve("installed-run")));
        }

        // then
        Duration barePass = median(bare);
        System.out.printf("%nbare pass, %,d rows, -Xmx256m, one thread: read a line, parse, isValidNumber, E.164, HashSet:%n"
                + "  %,d rows in %.1f s, JVM start-up included: %,.0f rows/s (median of %d)%n", ROWS, ROWS,
                seconds(barePass), ROWS / seconds(barePass), ROUNDS);
        printValidate("bulkcall validate, %,d rows, -Xmx256m, java -jar target/bulkcall.jar:".formatted(ROWS), bare,
                packagedTimes, bulkcall);
        printValidate("bulkcall validate, %,d rows, -Xmx256m, installed as for the nightly runs "
                .formatted(ROWS) + "(app/bulkcall.jar, classes mapped from app/bulkcall.jsa):", bare, installedTimes, installed);
    }

    /**
     * Runs {@code bulkcall validate} on the large file, on a fresh job database in that folder, and
     * checks what it found.
     */
    private Duration validate(HeapLimitedBulkcall bulkcall, Path folder) throws IOException {
        FileSystemUtils.deleteRecursively(folder.resolve("data"));
        long start = System.nanoTime();
        int exitCode = bulkcall.run("validate", largeCsv.toString(), "--bulkcall.output-dir=" + folder.resolve("output"));
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        assertThat(exitCode).as(bulkcall.errors()).isZero();
        assertThat(bulkcall.errors()).contains("large.csv: %d rows, %d valid, %d rejected".formatted(ROWS, valid, ROWS - valid));
        return time;
    }

    private static void printValidate(String title, List<Duration> bare, List<Duration> times, HeapLimitedBulkcall bulkcall)
            throws IOException {
        Duration time = median(times);
        System.out.printf("%n%s%n  %,d rows in %.1f s, JVM start-up included: %,.0f rows/s (median of %d, each after a bare pass)%n",
                title, ROWS, seconds(time), ROWS / seconds(time), ROUNDS);
        System.out.printf("  %.2f× the bare pass (by round: %s)%n", ratio(median(bare), time), IntStream.range(0, ROUNDS)
            .mapToObj(round -> "%.2f×".formatted(ratio(bare.get(round), times.get(round))))
            .collect(Collectors.joining(", ")));
        System.out.printf("  %s%n", bulkcall.heap());
    }

    @Test
    void runCallsALargeFileAndReportsWithA256MegabyteHeap() throws Exception {
        // given: the file in the input folder, and a sandbox whose calls all connect and end at once,
        // with room for every batch to dial all its calls together, so that the run goes through the
        // await step to the report in minutes
        Files.createDirectories(dir.resolve("input"));
        Files.copy(largeCsv, dir.resolve("input/large.csv"));
        SandboxSettings instantCalls = SandboxSettings.defaults().with(sandbox -> {
            sandbox.ringDuration = Duration.ZERO;
            sandbox.callDuration = Duration.ZERO;
            sandbox.orgConcurrencyLimit = 1_000_000_000;
            sandbox.failureRate = 0;
        });
        try (SandboxServer sandbox = new SandboxServer(instantCalls).start()) {
            // when: the bare pass, then the run
            Duration barePass = barePass();
            long start = System.nanoTime();
            int exitCode = bulkcall.run("run", "--bulkcall.input-quiet-period=0s",
                    "--bulkcall.cartesia.base-url=" + sandbox.baseUrl(), "--bulkcall.cartesia.response-timeout=60s",
                    "--bulkcall.poll.interval=1s", "--bulkcall.batch.target-concurrency-limit=1000",
                    "--bulkcall.calling-window.hours=00:00-24:00", "--bulkcall.calling-window.days=MON-SUN");
            Duration time = Duration.ofNanos(System.nanoTime() - start);

            // then: completed, with a report row per valid number, and call details read a page of
            // calls at a time (at most one short page more per batch), not a request per call
            assertThat(exitCode).as(Files.readString(dir.resolve("bulkcall.err"))).isZero();
            Path report = reportFolder();
            ResultRows results = resultRows(report.resolve("results.csv"));
            assertThat(results.rows()).isEqualTo(valid);
            assertThat(report.resolve("summary.json")).exists();
            assertThat(report.resolve("report.html")).exists();
            long batches = sandbox.batches().size();
            assertThat(sandbox.requests(SandboxEndpoint.LIST_CALLS)).isBetween(valid / 100L, valid / 100L + batches);

            System.out.printf("%nbulkcall run, %,d rows, -Xmx256m, sandbox in another JVM, calls that end at once:%n",
                    ROWS);
            System.out.printf("  %,d rows to the report in %.1f s, JVM start-up included%n", ROWS, seconds(time));
            Map<String, StepTime> steps = steps();
            StepTime validate = steps.get("validate");
            StepTime submit = steps.get("submit");
            System.out.println("  " + validate.line(validate.read(),
                    "%,d rows read, %,d written".formatted(validate.read(), validate.written()))
                    + "; %.2f× the bare pass (%.1f s, just before the run)".formatted(ratio(barePass, validate.time()),
                            seconds(barePass)));
            System.out.println("  " + submit.line(valid,
                    "%,d call batches of %,d recipients created".formatted(submit.written(), valid)));
            System.out.println("  " + steps.get("await").line(valid,
                    "%,d recipients' outcomes and call details".formatted(valid)));
            System.out.println("  " + steps.get("report").line(results.rows(),
                    "%,d rows in results.csv, %,d with call details".formatted(results.rows(), results.withCallDetails())));
            System.out.printf("  heap left by a collection, at most: %s%n", steps.values()
                .stream()
                .map(step -> "%s %d MB".formatted(step.step(), step.heapLeft()))
                .collect(Collectors.joining(", ")));
            System.out.printf("  Cartesia requests for %,d recipients in %,d batches, per 1,000 recipients:%n", valid,
                    batches);
            REQUESTS.forEach((name, endpoint) -> System.out.printf("    %-18s %,8d %6.1f%n", name,
                    sandbox.requests(endpoint), sandbox.requests(endpoint) * 1000.0 / valid));
        }
        System.out.printf("  %s%n%n", bulkcall.heap());
    }

    /** Runs the {@link BarePass} on the file, as a process of its own, and checks what it found. */
    private Duration barePass() throws IOException, InterruptedException {
        Path out = dir.resolve("bare-pass.out");
        long start = System.nanoTime();
        Process bare = new ProcessBuilder(Processes.JAVA, "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), BarePass.class.getName(), largeCsv.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
        Processes.awaitExit(bare, Duration.ofHours(1), "the bare pass", out);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        Matcher found = BARE_PASS_FOUND.matcher(Files.readString(out));
        assertThat(found.find()).as(Files.readString(out)).isTrue();
        assertThat(Long.parseLong(found.group(2))).isEqualTo(valid);
        return time;
    }

    /**
     * The job's own record of its steps, from the H2 job repository the run left in its folder, by
     * step in the order they first ran; a step that ran more than once is summed. Each with the most
     * a collection left in the heap while it ran.
     */
    private Map<String, StepTime> steps() throws IOException {
        List<HeapLimitedBulkcall.GcPause> collections = bulkcall.collections();
        var dataSource = new SimpleDriverDataSource(new Driver(), "jdbc:h2:file:" + dir.resolve("data/bulkcall"), "sa", "");
        Map<String, StepTime> steps = new LinkedHashMap<>();
        JdbcClient.create(dataSource)
            .sql("""
                    SELECT STEP_NAME, READ_COUNT, WRITE_COUNT, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION
                    ORDER BY STEP_EXECUTION_ID""")
            .query((rs, row) -> {
                Instant start = rs.getTimestamp(4).toInstant();
                Instant end = rs.getTimestamp(5).toInstant();
                long heapLeft = collections.stream()
                    .filter(collection -> !collection.at().isBefore(start) && !collection.at().isAfter(end))
                    .mapToLong(HeapLimitedBulkcall.GcPause::left)
                    .max()
                    .orElse(0);
                return new StepTime(rs.getString(1), rs.getLong(2), rs.getLong(3), Duration.between(start, end), heapLeft);
            })
            .list()
            .forEach(step -> steps.merge(step.step(), step, StepTime::plus));
        return steps;
    }

    /** The report folder of the run's job, its only one. */
    private Path reportFolder() throws IOException {
        try (Stream<Path> folders = Files.list(dir.resolve("output"))) {
            return folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** Counts the rows of results.csv, and those with a call's start, reading them one at a time. */
    private static ResultRows resultRows(Path resultsCsv) throws IOException {
        long rows = 0;
        long withCallDetails = 0;
        try (var reader = Files.newBufferedReader(resultsCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                rows++;
                if (!row.get("started_at").isEmpty()) {
                    withCallDetails++;
                }
            }
        }
        return new ResultRows(rows, withCallDetails);
    }

    private static Map<String, SandboxEndpoint> requests() {
        Map<String, SandboxEndpoint> requests = new LinkedHashMap<>();
        requests.put("Create Call Batch", SandboxEndpoint.CREATE_BATCH);
        requests.put("List Call Batches", SandboxEndpoint.LIST_BATCHES);
        requests.put("Get Call Batch", SandboxEndpoint.GET_BATCH);
        requests.put("List Calls", SandboxEndpoint.LIST_CALLS);
        requests.put("Get Call", SandboxEndpoint.GET_CALL);
        return requests;
    }

    private static double seconds(Duration time) {
        return time.toMillis() / 1000.0;
    }

    /** How many times faster than the bare pass: its time over this one's. */
    private static double ratio(Duration barePass, Duration time) {
        return seconds(barePass) / seconds(time);
    }

    private static Duration median(List<Duration> times) {
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    private record ResultRows(long rows, long withCallDetails) {
    }

    private record StepTime(String step, long read, long written, Duration time, long heapLeft) {

        StepTime plus(StepTime again) {
            return new StepTime(step, read + again.read, written + again.written, time.plus(again.time),
                    Math.max(heapLeft, again.heapLeft));
        }

        /** The step's figures, its rows per second counted in {@code rows}, which {@code what} describes. */
        String line(long rows, String what) {
            return "%-8s %s, in %.1f s: %,.0f rows/s".formatted(step, what, seconds(time), rows / seconds(time));
        }
    }
}
