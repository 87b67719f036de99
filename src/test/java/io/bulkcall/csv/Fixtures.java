package io.bulkcall.csv;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures of the csv and validation packages, and a way to read a file to the end. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A file under {@code src/test/resources}, such as {@code "csv/quoted.csv"}. */
    public static Path file(String resource) {
        URL url = Fixtures.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    /** Every data row of a file, through a freshly opened {@link CsvRecordReader}. */
    public static List<CsvRow> readAll(Path file) throws Exception {
        try (CsvRecordReader reader = CsvRecordReader.open(file)) {
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
            return rows;
        }
    }
}
