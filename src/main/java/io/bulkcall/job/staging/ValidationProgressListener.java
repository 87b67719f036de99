package io.bulkcall.job.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.bulkcall.job.instance.InputFile;
import io.bulkcall.validation.CheckedRow;
import io.bulkcall.validation.ScreenedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Says where a long validate step is: a line every {@link #EVERY} with the rows read, rows per second
 * and the time left, worked out from the bytes of the rows read against the file's size (their cells in
 * UTF-8 with a separator each and a line end; quotes left out, so a little short). A file validated
 * within {@link #EVERY} gets no line. Reads the application's {@link Clock}. One per step execution
 * (step scope).
 */
@Component
@StepScope
class ValidationProgressListener implements StepExecutionListener, ChunkListener<CheckedRow, ScreenedRow> {

    /** How often a line is written. */
    public static final Duration EVERY = Duration.ofSeconds(10);

    /**
     * The rows a restarted validate step skips: {@code NumberCheckingReader} keeps its count of rows
     * returned under {@code <reader name>.read.count}, and the reader is named {@code numberCheckingReader}.
     */
    static final String ROWS_READ_KEY = "numberCheckingReader.read.count";

    private static final Logger log = LoggerFactory.getLogger(ValidationProgressListener.class);

    private final Clock clock;
    private final Path path;
    private final String file;
    private ValidationProgress progress;

    public ValidationProgressListener(Clock clock, @Value("#{jobParameters['" + InputFile.PATH + "']}") String path,
            @Value("#{jobParameters['" + InputFile.NAME + "']}") String file) {
        this.clock = clock;
        this.path = Path.of(path);
        this.file = file;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        progress = new ValidationProgress(file, size(path), stepExecution.getExecutionContext().getLong(ROWS_READ_KEY, 0),
                clock.instant(), EVERY);
    }

    @Override
    public void beforeChunk(Chunk<CheckedRow> chunk) {
        long bytes = 0;
        for (CheckedRow row : chunk) {
            bytes += bytes(row.row().values());
        }
        progress.read(chunk.size(), bytes, clock.instant()).ifPresent(log::info);
    }

    /** The row's length in the file, near enough: its cells in UTF-8, a comma between each, a line end. */
    static long bytes(List<String> cells) {
        long bytes = cells.size();
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
        }
        return bytes;
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
