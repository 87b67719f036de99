package io.bulkcall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL statement over bulkcall's own tables ({@code bc_*}) is in {@code job.store}, but the report's
 * read-only aggregates ({@code report/ReportQuery}): a table changes in one package, and a reader of
 * the store sees all that is done to it. ArchUnit sees types, not strings, so this reads the sources:
 * a {@code bc_} name on a line of code (not of a comment) elsewhere fails it.
 */
class SqlPlacementTest {

    private static final Path SOURCES = Path.of("src/main/java/io/bulkcall");

    private static final Pattern TABLE = Pattern.compile("\\bbc_[a-z_]+\\b");

    private static final Pattern COMMENT = Pattern.compile("^\\s*(//|/\\*|\\*)");

    @Test
    void bulkcallsTablesAreQueriedOnlyInTheStoreAndTheReportQuery() {
        List<String> elsewhere;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            elsewhere = files.filter(file -> file.toString().endsWith(".java"))
                .filter(file -> !file.startsWith(SOURCES.resolve("job/store")))
                .filter(file -> !file.equals(SOURCES.resolve("report/ReportQuery.java")))
                .flatMap(SqlPlacementTest::tableNamesInCode)
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(elsewhere).isEmpty();
    }

    private static Stream<String> tableNamesInCode(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                .filter(i -> !COMMENT.matcher(lines.get(i)).find() && TABLE.matcher(lines.get(i)).find())
                .mapToObj(i -> SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
