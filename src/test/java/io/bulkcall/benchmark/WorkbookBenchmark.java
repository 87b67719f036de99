package io.bulkcall.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.bulkcall.testing.CsvFiles;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures {@code bulkcall validate} on a workbook of a million rows against the same rows as CSV,
 * each in a JVM of its own with a 256 MB heap ({@link HeapLimitedBulkcall}). The workbook stores every
 * cell as text, as CRM exports do, so its million numbers are a million shared strings (three million
 * with the other columns): the case a reader holding its shared strings on the heap cannot meet.
 *
 * <p>A benchmark, not a test: it prints both times, their ratio and the heap each run used, and checks
 * only that both runs validated every row. Run by the {@code benchmark} Maven profile:
 * {@code ./mvnw -B -Pbenchmark verify -Dit.test=WorkbookBenchmark [-Dbenchmark.rows=N]}.
 */
class WorkbookBenchmark {

    private static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path input;

    private static Path workbook;

    private static Path csv;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path csvRun;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workbookRun;

    @BeforeAll
    static void writeInputs() throws IOException {
        csv = input.resolve("contacts.csv");
        workbook = input.resolve("contacts.xlsx");
        // SXSSF writes the rows as it goes; its shared strings table, which the sheet refers to, is kept whole
        try (SXSSFWorkbook book = new SXSSFWorkbook(new XSSFWorkbook(), 1_000, true, true);
                BufferedWriter text = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            Sheet sheet = book.createSheet("Contacts");
            String[] header = { "to_number", "customer_id", "first_name" };
            write(sheet.createRow(0), header);
            text.write(String.join(",", header) + "\n");
            for (int i = 0; i < ROWS; i++) {
                String[] cells = { CsvFiles.writtenUsNumber(i), "cust-" + i, "Name" + i };
                write(sheet.createRow(i + 1), cells);
                text.write(String.join(",", cells) + "\n");
            }
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }
    }

    private static void write(Row row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c]);
        }
    }

    @Test
    void validateReadsAWorkbookOfAMillionTextCellsWithA256MegabyteHeap() throws Exception {
        // when
        HeapLimitedBulkcall onCsv = new HeapLimitedBulkcall(csvRun);
        Duration csvTime = validate(onCsv, csv, csvRun);
        HeapLimitedBulkcall onWorkbook = new HeapLimitedBulkcall(workbookRun);
        Duration workbookTime = validate(onWorkbook, workbook, workbookRun);

        // then
        assertThat(onCsv.errors()).contains("contacts.csv: %d rows, %d valid, 0 rejected".formatted(ROWS, ROWS));
        assertThat(onWorkbook.errors())
            .contains("contacts.xlsx (sheet \"Contacts\"): %d rows, %d valid, 0 rejected".formatted(ROWS, ROWS));
        System.out.printf("%nbulkcall validate, %,d rows, -Xmx256m, JVM start-up included:%n", ROWS);
        System.out.printf("  CSV      %,13d bytes in %6.1f s; %s%n", Files.size(csv), seconds(csvTime), onCsv.heap());
        System.out.printf("  workbook %,13d bytes in %6.1f s; %s%n", Files.size(workbook), seconds(workbookTime),
                onWorkbook.heap());
        System.out.printf("  the workbook took %.2f times the CSV's time%n%n", seconds(workbookTime) / seconds(csvTime));
    }

    private static Duration validate(HeapLimitedBulkcall bulkcall, Path file, Path dir) throws Exception {
        long start = System.nanoTime();
        int exitCode = bulkcall.run("validate", file.toString(), "--bulkcall.output-dir=" + dir.resolve("output"));
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        assertThat(exitCode).as(bulkcall.errors()).isZero();
        return time;
    }

    private static double seconds(Duration time) {
        return time.toMillis() / 1000.0;
    }
}
