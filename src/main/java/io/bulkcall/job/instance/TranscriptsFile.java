package io.bulkcall.job.instance;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.bulkcall.cartesia.TranscriptTurn;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's {@code transcripts.jsonl}: one line per call, with the row it called. Each batch's calls are
 * kept in a file of their own under {@code .transcripts/}, written whole each time the batch finishes
 * (a batch redialed by Retry Call Batch finishes again, with more calls), so a restart writes the same
 * file again instead of appending twice. The report gathers them into {@code transcripts.jsonl}, batch
 * by batch, and removes them. Thread-safe: each batch's file is written by one step at a time.
 */
public final class TranscriptsFile {

    public static final String TRANSCRIPTS_JSONL = "transcripts.jsonl";

    private static final JsonMapper JSON = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .build();

    private final Path target;
    private final Path batches;

    public TranscriptsFile(ReportFolder folder) {
        this.target = folder.path().resolve(TRANSCRIPTS_JSONL);
        this.batches = folder.path().resolve(".transcripts");
    }

    /** Replaces what is kept of one batch's calls. */
    public void writeBatch(int batchNo, List<CallTranscript> calls) {
        ReplacedFile.write(batches.resolve("batch-%06d.jsonl".formatted(batchNo)), out -> {
            for (CallTranscript call : calls) {
                out.write(JSON.writeValueAsString(call));
                out.write('\n');
            }
        });
    }

    /**
     * Writes {@code transcripts.jsonl} from the batches' files, in batch order, and removes them. A
     * second call after they were removed (a report step run again) leaves the file as it is.
     *
     * @return the calls it holds, or -1 when there was nothing to gather
     */
    public long gather() {
        if (!Files.isDirectory(batches)) {
            return -1;
        }
        long[] calls = { 0 };
        try {
            List<Path> batchFiles = files(name -> name.endsWith(".jsonl"));
            ReplacedFile.write(target, out -> calls[0] = copyLines(batchFiles, out));
            for (Path file : files(name -> true)) {
                Files.delete(file);
            }
            Files.delete(batches);
            return calls[0];
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot gather " + batches + " into " + target + ": " + e.getMessage(), e);
        }
    }

    private static long copyLines(List<Path> files, BufferedWriter out) throws IOException {
        long lines = 0;
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.write('\n');
                    lines++;
                }
            }
        }
        return lines;
    }

    private List<Path> files(Predicate<String> name) throws IOException {
        try (Stream<Path> files = Files.list(batches)) {
            return files.filter(file -> name.test(file.getFileName().toString())).sorted().toList();
        }
    }

    /**
     * One call's line in {@code transcripts.jsonl}.
     *
     * @param line the input row of the recipient it called
     * @param startedAt when the call started, {@code null} if Cartesia did not say
     * @param turns what was said, in order; empty for a call that never connected or kept no data
     */
    public record CallTranscript(long line, String toNumber, String callId, String batchId, Instant startedAt,
            Instant endedAt, List<TranscriptTurn> turns) {
    }
}
