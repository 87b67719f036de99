package io.bulkcall.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.csv.CsvRow;

/** Input files opened as bulkcall opens them, with its default settings or others. */
public final class InputFixtures {

    private InputFixtures() {
    }

    /** Opens files with the default settings: delimiter {@code auto}, the first sheet, the number column by its names. */
    public static InputFiles inputFiles() {
        return inputFiles("auto", null, null);
    }

    public static InputFiles inputFiles(String delimiter, String sheet, String numberColumn) {
        return new InputFiles(new BulkcallProperties.Input(delimiter, sheet, numberColumn));
    }

    /** Every data row of a file, opened with the default settings. */
    static List<CsvRow> readAll(Path file) {
        return readAll(inputFiles().open(file));
    }

    /** Every data row left in an open file, which it then closes. */
    static List<CsvRow> readAll(InputRows input) {
        try (input) {
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow row = input.read(); row != null; row = input.read()) {
                rows.add(row);
            }
            return rows;
        }
    }
}
