package io.bulkcall.csv;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test fixtures of the csv, input and validation packages. */
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
}
