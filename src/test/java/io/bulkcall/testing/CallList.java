package io.bulkcall.testing;

import java.util.ArrayList;
import java.util.List;


/**
 * The input file of the crash tests: distinct valid numbers with three bad rows among them (too
 * short, missing, a duplicate), so that validation rejects some rows and both reports have rows.
 *
 * @param content the CSV text
 * @param validNumbers the numbers that must each be sent to Cartesia exactly once
 * @param dataRows the rows below the header; lines 2 to {@code dataRows + 1}
 */
public record CallList(String content, List<String> validNumbers, int dataRows) {

    public static CallList of(int valid) {
        return of(valid, 0);
    }

    /** As {@link #of(int)}, with numbers from the {@code first}-th on, so that two lists share none. */
    public static CallList of(int valid, int first) {
        StringBuilder csv = new StringBuilder("to_number,customer_id\n");
        List<String> numbers = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < valid; i++) {
            if (i == valid / 10) {
                csv.append("12,too-short\n");
                rows++;
            }
            if (i == valid / 2) {
                csv.append(",no-number\n");
                rows++;
            }
            if (i == valid * 9 / 10) {
                csv.append(CsvFiles.usNumber(first)).append(",duplicate\n");
                rows++;
            }
            numbers.add(CsvFiles.usNumber(first + i));
            csv.append(CsvFiles.usNumber(first + i)).append(",cust-").append(i).append('\n');
            rows++;
        }
        return new CallList(csv.toString(), List.copyOf(numbers), rows);
    }
}
