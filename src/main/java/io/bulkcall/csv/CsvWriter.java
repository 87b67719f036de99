package io.bulkcall.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV rows as RFC 4180 has them: cells joined by commas, a cell quoted when it holds a comma,
 * a quote or a line break, its quotes doubled, and every row ended by CRLF ({@link #LINE_SEPARATOR}).
 * Writes straight through to the given {@link Writer}, so give it a buffered one; it does not make
 * cells spreadsheet-safe, see {@link SpreadsheetSafe}. Not thread-safe.
 */
public final class CsvWriter implements Closeable, Flushable {

    /** The line end of every row; set it as the line separator of a {@code FlatFileItemWriter} using {@link #formatLine}. */
    public static final String LINE_SEPARATOR = "\r\n";

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** One row, without its line end: the piece a {@code LineAggregator} returns. */
    public static String formatLine(List<String> cells) {
        StringBuilder line = new StringBuilder(cells.size() * 16);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendCell(line, cells.get(i));
        }
        return line.toString();
    }

    private static void appendCell(StringBuilder line, String cell) {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        if (!needsQuotes(cell)) {
            line.append(cell);
            return;
        }
        line.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Writes one row and its CRLF. */
    public void writeRow(List<String> cells) throws IOException {
        out.write(formatLine(cells));
        out.write(LINE_SEPARATOR);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
