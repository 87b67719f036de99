package io.bulkcall.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.csv.CsvWriter;
import io.bulkcall.csv.SpreadsheetSafe;
import io.bulkcall.job.store.RecipientResult;

/**
 * Writes {@code results.csv}, one row per staged recipient:
 * {@code line,to_number,<metadata columns>,batch_id,recipient_id,status,agent_call_id,end_reason,error_message,attempts,
 * time_zone,started_at,ended_at,duration_seconds,summary} ({@code time_zone}: the zone the recipient's window was
 * worked out in, or its zones joined with {@code |}; the last four describe the latest call, empty where none
 * connected).
 * Rows go to a temporary file that replaces the report only on {@link #commit()}, so a report is
 * never seen half-written and a restarted report step simply writes it again. Not thread-safe.
 */
final class ResultsCsvWriter implements Closeable {

    private static final List<String> OUTCOME_COLUMNS = List.of("batch_id", "recipient_id", "status", "agent_call_id",
            "end_reason", "error_message", "attempts", "time_zone", "started_at", "ended_at", "duration_seconds", "summary");

    private final Path target;
    private final Path partial;
    private final List<String> metadataColumns;
    private final CsvWriter csv;
    private long rows;

    public ResultsCsvWriter(Path target, List<String> metadataColumns) {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".part");
        this.metadataColumns = List.copyOf(metadataColumns);
        try {
            Files.createDirectories(target.getParent());
            BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
            this.csv = new CsvWriter(out);
            List<String> header = new ArrayList<>(List.of("line", "to_number"));
            header.addAll(metadataColumns.stream().map(SpreadsheetSafe::cell).toList());
            header.addAll(OUTCOME_COLUMNS);
            csv.writeRow(header);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public void write(RecipientResult result) {
        List<String> cells = new ArrayList<>(metadataColumns.size() + 2 + OUTCOME_COLUMNS.size());
        cells.add(Long.toString(result.line()));
        cells.add(SpreadsheetSafe.numberCell(result.toNumber()));
        for (String column : metadataColumns) {
            cells.add(SpreadsheetSafe.cell(result.metadata().get(column)));
        }
        cells.add(SpreadsheetSafe.cell(result.batchId()));
        cells.add(SpreadsheetSafe.cell(result.recipientId()));
        cells.add(SpreadsheetSafe.cell(result.status()));
        cells.add(SpreadsheetSafe.cell(result.agentCallId()));
        cells.add(SpreadsheetSafe.cell(result.endReason()));
        cells.add(SpreadsheetSafe.cell(result.errorMessage()));
        cells.add(Integer.toString(result.attempts()));
        cells.add(SpreadsheetSafe.cell(result.zones()));
        cells.add(result.startedAt() == null ? "" : result.startedAt().toString());
        cells.add(result.endedAt() == null ? "" : result.endedAt().toString());
        cells.add(result.duration() == null ? "" : seconds(result.duration()));
        cells.add(SpreadsheetSafe.cell(result.summary()));
        try {
            csv.writeRow(cells);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        rows++;
    }

    /** Seconds with one decimal, rounded half up, whatever the locale. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Puts the finished report in place of any earlier one; returns how many rows it holds. */
    public long commit() {
        try {
            csv.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Drops a report that was not committed. */
    @Override
    public void close() throws IOException {
        csv.close();
        Files.deleteIfExists(partial);
    }
}
