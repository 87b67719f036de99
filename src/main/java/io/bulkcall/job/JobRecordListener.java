package io.bulkcall.job;

import java.time.Clock;

import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.JobEnding;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.job.store.JobRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Registers the job instance's input file in {@code bc_job} when it first starts, once its report
 * folder is clear ({@link ReportFolders#makeRoomFor}); starts each execution with no refusal of
 * validation's; and ends each that did not complete with the operator's line as its exit description
 * ({@link JobEnding}), for {@code bulkcall status} and anything else that reads the job repository:
 * Spring Batch's own is a stack trace, or the class name of the interruption of a stop.
 */
@Component
class JobRecordListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(JobRecordListener.class);

    private final JobRecordRepository jobs;
    private final ReportFolders reportFolders;
    private final Clock clock;

    public JobRecordListener(JobRecordRepository jobs, ReportFolders reportFolders, Clock clock) {
        this.jobs = jobs;
        this.reportFolders = reportFolders;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        InputFile file = InputFile.from(jobExecution.getJobParameters());
        if (!jobs.isRegistered(jobInstanceId)) {
            // before the job is registered: a move that fails is tried again by the restart
            reportFolders.makeRoomFor(jobExecution, clock.instant()).ifPresent(aside -> log.warn(
                    "{}: {} held the reports of another job {}, of another job database (reset, left behind, or the "
                            + "sandbox's); moved them to {}",
                    file.name(), reportFolders.of(jobExecution).path(), jobInstanceId, aside));
            jobs.register(jobInstanceId, file, clock.instant());
        }
        // a restart copies the last execution's context: a refusal belongs to the execution refused
        BulkCallJob.forgetRefusal(jobExecution);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        String note = JobEnding.of(jobExecution).note();
        if (note != null) {
            jobExecution.setExitStatus(new ExitStatus(jobExecution.getExitStatus().getExitCode(), note));
        }
    }
}
