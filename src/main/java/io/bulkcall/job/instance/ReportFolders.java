package io.bulkcall.job.instance;

import java.nio.file.Path;

import io.bulkcall.config.BulkcallProperties;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** Where each job's reports go, under {@code bulkcall.output-dir}. Thread-safe. */
@Component
public class ReportFolders {

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
}
