package io.bulkcall.job.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.bulkcall.config.BulkcallProperties;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** Where each job's reports go, under {@code bulkcall.output-dir}. Thread-safe. */
@Component
public class ReportFolders {

    private static final DateTimeFormatter SET_ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    private final Path outputDir;

    public ReportFolders(BulkcallProperties properties) {
        this.outputDir = properties.outputDir();
    }

    public ReportFolder of(long jobInstanceId, InputFile file) {
        return new ReportFolder(outputDir.resolve(jobInstanceId + "-" + file.stem()));
    }

    public ReportFolder of(JobExecution execution) {
        return of(execution.getJobInstanceId(), InputFile.from(execution.getJobParameters()));
    }

    /**
     * Makes room for the reports of a job that runs for the first time. A folder of its name there
     * already with reports in it (every job writes {@code rejected.csv} as it validates, and
     * {@code summary.json} as it ends) holds another job's: one of the same id in another job database
     * (one reset, or left for PostgreSQL, or the sandbox's, which shares the output folder), whose
     * results would otherwise be written over. It is renamed, with the time it was set aside.
     *
     * @return where the other job's reports went, if there was such a folder
     * @throws UncheckedIOException when the folder cannot be renamed; nothing of the job has run yet
     */
    public Optional<Path> makeRoomFor(JobExecution first, Instant at) {
        ReportFolder reports = of(first);
        if (!Files.isRegularFile(reports.rejectedCsv()) && !Files.isRegularFile(reports.summaryJson())) {
            return Optional.empty();
        }
        Path folder = reports.path();
        Path aside = folder.resolveSibling(folder.getFileName() + ".earlier-" + SET_ASIDE.format(at));
        try {
            return Optional.of(Files.move(folder, aside));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot move " + folder + ", the reports of another job "
                    + first.getJobInstanceId() + ", out of the way of this one's: " + ex.getMessage(), ex);
        }
    }
}
