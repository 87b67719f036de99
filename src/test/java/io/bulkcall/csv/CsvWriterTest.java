package io.bulkcall.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void leavesPlainCellsUnquoted() {
        assertThat(CsvWriter.formatLine(List.of("+12125550143", "Ann Smith", ""))).isEqualTo("+12125550143,Ann Smith,");
    }

    @Test
    void quotesCellsWithACommaAQuoteOrALineBreakAndDoublesTheirQuotes() {
        assertThat(CsvWriter.formatLine(List.of("Smith, John", "said \"hi\"", "one\ntwo", "cr\rhere")))
            .isEqualTo("\"Smith, John\",\"said \"\"hi\"\"\",\"one\ntwo\",\"cr\rhere\"");
    }

    @Test
    void writesANullCellAsAnEmptyOne() {
        assertThat(CsvWriter.formatLine(Arrays.asList("a", null, "c"))).isEqualTo("a,,c");
    }

    @Test
    void endsEveryRowWithCrLf() throws IOException {
        // given
        StringWriter out = new StringWriter();

        // when
        try (CsvWriter csv = new CsvWriter(out)) {
            csv.writeRow(List.of("to_number", "name"));
            csv.writeRow(List.of("+12125550143", "Ann"));
        }

        // then
        assertThat(out).hasToString("to_number,name\r\n+12125550143,Ann\r\n");
    }

    @Test
    void writesWhatTheParserReadsBackUnchanged() throws IOException {
        // given
        List<String> header = List.of("to_number", "note");
        List<String> row = List.of("+12125550143", " \"quoted\", with\r\nline breaks\n and a trailing quote\"");
        Path file = dir.resolve("round-trip.csv");

        // when
        try (CsvWriter csv = new CsvWriter(Files.newBufferedWriter(file))) {
            csv.writeRow(header);
            csv.writeRow(row);
        }

        // then
        try (CsvParser parser = CsvParser.open(file)) {
            assertThat(parser.next().values()).isEqualTo(header);
            assertThat(parser.next().values()).isEqualTo(row);
            assertThat(parser.next()).isNull();
        }
    }
}
