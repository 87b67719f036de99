package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads reports back with an independent CSV parser, so tests do not trust bulkcall's own. */
public final class CsvFiles {

    private CsvFiles() {
    }

    public static List<CSVRecord> records(Path csv) {
        try (var reader = Files.newBufferedReader(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV of {@code count} distinct valid US numbers, one per row, with a customer id. */
    public static String numbers(int count) {
        StringBuilder csv = new StringBuilder("to_number,customer_id\n");
        for (int i = 0; i < count; i++) {
            csv.append(usNumber(i)).append(",cust-").append(i).append('\n');
        }
        return csv.toString();
    }

    /** A CSV of the {@code count} numbers of {@link #usNumber(int)} from the {@code first}-th on, one per row. */
    public static String numbers(int first, int count) {
        StringBuilder csv = new StringBuilder("to_number\n");
        for (int i = first; i < first + count; i++) {
            csv.append(usNumber(i)).append('\n');
        }
        return csv.toString();
    }

    /** The numbers of {@link #numbers(int)}, in order. */
    public static List<String> usNumbers(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(CsvFiles::usNumber).toList();
    }

    /** The i-th of a range of valid, distinct US numbers: +1 212 2xx xxxx. */
    public static String usNumber(int i) {
        return "+1212%07d".formatted(2_000_000 + i);
    }

    /** {@link #usNumber(int)} as people write it, with spaces: +1 212 2xx xxxx. */
    public static String writtenUsNumber(int i) {
        return "+1 212 %03d %04d".formatted(200 + i / 10_000, i % 10_000);
    }
}
