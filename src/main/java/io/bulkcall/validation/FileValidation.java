package io.bulkcall.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvWriter;
import io.bulkcall.csv.InputFileException;
import io.bulkcall.input.InputFiles;
import io.bulkcall.input.InputRows;
import io.bulkcall.time.StopSignal;

/**
 * Validates a file without a job, for {@code bulkcall validate}: the rows go through the same
 * {@link NumberCheckingReader} and {@link RowScreener} as in the job's {@code validate} step, streaming,
 * and the rejected rows are written to {@code rejected.csv} as {@link RejectedRowFormat} lays them out.
 * Nothing is staged and nothing is dialed. Duplicates are found within the file only.
 *
 * <p>{@code rejected.csv} is written under a temporary name beside it and renamed when complete, so a
 * file that fails half-way, or whose validation is stopped, leaves no partial report. Thread-safe: each
 * call has its own state.
 */
public final class FileValidation {

    private final InputFiles inputFiles;

    private final Supplier<RowChecker> checkers;

    private final BiFunction<Path, CsvHeader, SentColumns> columnsDecision;

    private final DoNotCallList doNotCall;

    private final Executor numberCheckExecutor;

    private final StopSignal stop;

    /**
     * @param checkers a checker for each file validated (see {@link RowChecker#of})
     * @param columnsDecision what a file's columns become at Cartesia, from its header (see {@link SentColumns#of})
     * @param numberCheckExecutor checks numbers ahead of screening, as in the job's {@code validate} step
     * @param stop read before each row: a stop ends the validation there
     */
    public FileValidation(InputFiles inputFiles, Supplier<RowChecker> checkers,
            BiFunction<Path, CsvHeader, SentColumns> columnsDecision, DoNotCallList doNotCall,
            Executor numberCheckExecutor, StopSignal stop) {
        this.inputFiles = inputFiles;
        this.checkers = checkers;
        this.columnsDecision = columnsDecision;
        this.doNotCall = doNotCall;
        this.numberCheckExecutor = numberCheckExecutor;
        this.stop = stop;
    }

    /**
     * Validates one file.
     *
     * @param file the input file, CSV or workbook
     * @param rejectedCsv where to write the rejected rows; replaced if it exists, its folder created if needed
     * @throws InputFileException when the input file cannot be processed at all
     * @throws ValidationStoppedException when bulkcall was asked to stop before the last row
     * @throws UncheckedIOException when {@code rejected.csv} cannot be written
     */
    public ValidationReport validate(Path file, Path rejectedCsv) {
        Path partial = rejectedCsv.resolveSibling(rejectedCsv.getFileName() + ".part");
        InputRows input = inputFiles.open(file);
        try (NumberCheckingReader reader = new NumberCheckingReader(input, checkers.get(), numberCheckExecutor)) {
            CsvHeader header = reader.header();
            SentColumns sentColumns = columnsDecision.apply(file, header);
            RowScreener screener = new RowScreener(doNotCall, new SeenNumbers(), sentColumns);
            long rows = 0;
            long accepted = 0;
            Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
            createParent(rejectedCsv);
            try (CsvWriter out = new CsvWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                out.writeRow(RejectedRowFormat.headerCells(header));
                for (CheckedRow row = reader.read(); row != null; row = reader.read()) {
                    if (stop.requested()) {
                        throw new ValidationStoppedException(file, rows);
                    }
                    rows++;
                    if (screener.process(row) instanceof RejectedRow rejectedRow) {
                        out.writeRow(RejectedRowFormat.cells(header, rejectedRow));
                        rejected.merge(rejectedRow.reason(), 1L, Long::sum);
                    }
                    else {
                        accepted++;
                    }
                }
            }
            Files.move(partial, rejectedCsv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new ValidationReport(file, input.describe(), rejectedCsv, rows, accepted, rejected, sentColumns);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not write " + rejectedCsv + ": " + ex.getMessage(), ex);
        }
        finally {
            deleteQuietly(partial);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            // a leftover .part file beside the report is harmless; the report itself is complete or absent
        }
    }
}
