package io.bulkcall.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files built to break a CSV reader, dropped together into the input folder and run as the
 * nightly run would: each one is rejected with one console line that names the file (and the line,
 * where there is one), never a stack trace, nobody is dialed, not even the valid rows before a
 * file's damage, and each file is moved to {@code input/failed/}. A line break in a file's name does
 * not split its line either. One run serves every case, so Spring starts once; big inputs are
 * generated in the temporary folder, never committed.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class HostileInputTest {

    /**
     * A hostile file and the problem its line must name.
     *
     * @param problem what the line must say about the file
     */
    private record HostileFile(String name, Supplier<byte[]> content, String problem) {
    }

    private static final List<HostileFile> FILES = List.of(
            new HostileFile("contacts.csv", HostileInputTest::spreadsheetBytes,
                    "contacts.csv: does not look like a CSV text file: it contains binary data (NUL bytes)"),
            new HostileFile("one-line.csv", HostileInputTest::tenMegabyteLine,
                    "one-line.csv, line 1: is longer than 1 MiB"),
            new HostileFile("wide.csv", HostileInputTest::tenThousandColumns,
                    "wide.csv, line 1: has 10000 columns; at most 1000 are supported"),
            // the header's line 1, 2,500 rows, then the bad one: two chunks of 1,000 were staged before it
            new HostileFile("latin1.csv", HostileInputTest::invalidUtf8AfterValidRows,
                    "latin1.csv, line 2502: is not valid UTF-8 (byte 0xE9)"),
            new HostileFile("empty.csv", () -> fixture("empty.csv"),
                    "empty.csv: is empty; the first line must be a header"),
            new HostileFile("header-only.csv", () -> fixture("header-only.csv"),
                    "header-only.csv was not dialed: it has no data rows"),
            new HostileFile("no-number-column.csv", () -> fixture("no-number-column.csv"),
                    "no-number-column.csv, line 1: has no number column; name one to_number, phone, phone_number, "
                            + "telephone, mobile, mobile_number, cell or cell_phone (case, spaces, - and _ ignored), "
                            + "or set bulkcall.input.number-column (columns found: name, email, contact)"));

    /** A file name that would start a second console line, if bulkcall wrote it as it is. */
    private static final String TWO_LINE_NAME = "evil\nname.csv";

    private static final int REJECTED = 3;

    private static Workspace workspace;
    private static int exitCode;

    @BeforeAll
    static void runOverAFolderOfHostileFiles(Workspace shared) throws IOException {
        workspace = shared;
        Files.createDirectories(workspace.input());
        for (HostileFile file : FILES) {
            Files.write(workspace.input().resolve(file.name()), file.content().get());
        }
        Files.write(workspace.input().resolve(TWO_LINE_NAME), fixture("header-only.csv"));
        exitCode = workspace.run("run");
    }

    static Stream<Arguments> hostileFiles() {
        return FILES.stream().map(file -> Arguments.of(file.name(), file.problem()));
    }

    @Test
    void theRunExitsWithTheRejectionCode() {
        assertThat(exitCode).isEqualTo(REJECTED);
    }

    @Test
    void nobodyIsDialed() {
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(workspace.sandbox().batches()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void eachFileGetsOneErrorLineNamingItsProblem(String name, String problem, CapturedOutput output) {
        assertThat(errorLines(output)).filteredOn(line -> line.contains(name))
            .singleElement()
            .asString()
            .contains(problem)
            .endsWith("moved it to " + workspace.input().resolve("failed").resolve(name));
    }

    @Test
    void aLineBreakInAFileNameDoesNotBreakItsLine(CapturedOutput output) {
        assertThat(errorLines(output)).filteredOn(line -> line.contains("evil"))
            .singleElement()
            .asString()
            .contains("evil name.csv was not dialed: it has no data rows");
        assertThat(output.getAll()).doesNotContain(TWO_LINE_NAME);
    }

    @Test
    void noOtherErrorLineAndNoStackTraceReachTheConsole(CapturedOutput output) {
        assertThat(errorLines(output)).hasSize(FILES.size() + 1);
        assertNoStackTrace(output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void eachFileIsMovedToFailed(String name) {
        assertThat(workspace.input().resolve("failed").resolve(name)).exists();
        assertThat(workspace.input().resolve(name)).doesNotExist();
    }

    /** The console's ERROR lines; its pattern is {@code HH:mm:ss LEVEL message}. */
    static List<String> errorLines(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d ERROR .*")).toList();
    }

    static void assertNoStackTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception in thread", "Caused by:");
    }

    /** A spreadsheet saved under a {@code .csv} name: a zip header, then random bytes with NULs among them. */
    private static byte[] spreadsheetBytes() {
        byte[] garbage = new byte[200_000];
        new Random(7).nextBytes(garbage);
        System.arraycopy(new byte[] { 'P', 'K', 3, 4, 0, 0 }, 0, garbage, 0, 6);
        return garbage;
    }

    /** One line and no line break anywhere. */
    private static byte[] tenMegabyteLine() {
        return ("to_number," + "x".repeat(10 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] tenThousandColumns() {
        StringBuilder csv = new StringBuilder("to_number");
        for (int i = 1; i < 10_000; i++) {
            csv.append(",c").append(i);
        }
        csv.append('\n').append(CsvFiles.usNumber(0)).append(",x".repeat(9_999)).append('\n');
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** 2,500 valid rows, a row with a Latin-1 "é", and valid rows again. */
    private static byte[] invalidUtf8AfterValidRows() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(CsvFiles.numbers(2_500).getBytes(StandardCharsets.UTF_8));
        file.writeBytes("+12125559999,Ren".getBytes(StandardCharsets.US_ASCII));
        file.write(0xE9);
        file.writeBytes(("e\n" + CsvFiles.usNumber(3_000) + ",cust-3000\n").getBytes(StandardCharsets.US_ASCII));
        return file.toByteArray();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + name)) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
