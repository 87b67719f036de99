package io.bulkcall.job.launch;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.InputFileArchive;
import io.bulkcall.job.instance.JobFailures;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.JobTakenOverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Runs the job for one input file, deciding from the job repository what that means: a new file
 * starts a job instance; a file whose job failed or stopped restarts it from its checkpoint; a job
 * left running by a dead process is recovered and restarted; a job running in a live process is
 * left alone; content that was completed before is not dialed again.
 */
@Component
public class FileJobLauncher {

    private static final Logger log = LoggerFactory.getLogger(FileJobLauncher.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String VALIDATE_STEP = "validate";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final JobRecordRepository jobs;
    private final JobLease lease;
    private final InputFileArchive archive;
    private final RunningJobs runningJobs;
    private final ReportFolders reportFolders;
    private final CallBatchRepository batches;

    public FileJobLauncher(JobOperator jobOperator, JobRepository jobRepository, Job bulkCallJob,
            JobRecordRepository jobs, JobLease lease, InputFileArchive archive, RunningJobs runningJobs,
            ReportFolders reportFolders, CallBatchRepository batches) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = bulkCallJob;
        this.jobs = jobs;
        this.lease = lease;
        this.archive = archive;
        this.runningJobs = runningJobs;
        this.reportFolders = reportFolders;
        this.batches = batches;
    }

    /**
     * Processes one file: start, restart, or nothing, as its job's history says; nothing at all once
     * this process was asked to stop.
     */
    public JobRun run(Path path) throws JobLaunchFailure {
        if (runningJobs.isStopRequested()) {
            return notStarted(path.getFileName().toString());
        }
        if (!Files.isRegularFile(path)) {
            throw new JobLaunchFailure(path + ": " + InputFile.whyNotAFile(path));
        }
        if (!Files.isReadable(path)) {
            throw new JobLaunchFailure(path + ": cannot be read (permission denied)");
        }
        InputFile file = InputFile.of(path);
        try {
            return startOrResume(file);
        }
        catch (DataAccessException | TransactionException failed) {
            // the job database failing: this file's line, and the next file is still tried
            return couldNotLaunch(file, failed);
        }
    }

    private JobRun startOrResume(InputFile file) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), file.toJobParameters());
        if (last == null) {
            log.info("Starting a job for {} (sha256 {})", file.name(), file.sha256());
            try {
                return finished(file, start(file));
            }
            catch (JobExecutionAlreadyRunningException e) {
                return startedElsewhere(file);
            }
            catch (Exception e) {
                return couldNotLaunch(file, e);
            }
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            String done = "%s: this content was already processed by job %d (results in %s)".formatted(file.name(),
                    last.getJobInstanceId(), reportFolder(last, file).path());
            try {
                return new JobRun(last, JobRun.Outcome.ALREADY_COMPLETED, done + "; " + processed(file));
            }
            catch (UncheckedIOException unmoved) {
                return notMoved(last, done, unmoved);
            }
        }
        return resume(file, last);
    }

    /** Restarts the job of an execution id that {@code status} printed. */
    public JobRun restart(long executionId) throws JobLaunchFailure {
        if (runningJobs.isStopRequested()) {
            return notStarted("job " + executionId);
        }
        JobExecution execution = JobExecutions.require(jobRepository, executionId);
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        InputFile file = InputFile.from(last.getJobParameters());
        if (last.getStatus() == BatchStatus.COMPLETED) {
            return new JobRun(last, JobRun.Outcome.ALREADY_COMPLETED,
                    "job %d (%s) has already completed; nothing to restart".formatted(last.getId(), file.name()));
        }
        if (!Files.isRegularFile(file.path())) {
            if (!validated(last)) {
                throw new JobLaunchFailure(("job %d cannot restart: its input %s is gone, and the job had not read it to "
                        + "its end; put the file back (sha256 %s…) to go on with the job")
                    .formatted(last.getId(), file.path(), file.sha256().substring(0, 12)));
            }
            log.info("Job {} of {}: its input {} is gone; the job goes on with the recipients it staged as it "
                    + "validated the file", last.getId(), file.name(), file.path());
        }
        return resume(file, last);
    }

    /** Whether the job read its file to the end and staged what it found: from then on it needs only the database. */
    private boolean validated(JobExecution last) {
        StepExecution validate = jobRepository.getLastStepExecution(last.getJobInstance(), VALIDATE_STEP);
        return validate != null && validate.getStatus() == BatchStatus.COMPLETED;
    }

    private JobRun resume(InputFile file, JobExecution last) {
        // only a completed, abandoned or refused job is purged, and only the refused one gets here
        Optional<Instant> purged = last.getStatus() == BatchStatus.ABANDONED ? Optional.empty()
                : jobs.purgedAt(last.getJobInstanceId());
        if (purged.isPresent()) {
            // its rows are gone: a restart would find no recipient and say the file has no valid row
            Path moved = archive.toFailed(file);
            return new JobRun(last, JobRun.Outcome.REJECTED,
                    "%s was not dialed: validation refused this content in job %d, whose rows were purged on %s; moved it to %s (a changed file is a new job)"
                        .formatted(file.name(), last.getId(), DAY.format(purged.get()), moved));
        }
        if (last.getStatus().isRunning() && lease.ownerMayBeAlive(last)) {
            return new JobRun(null, JobRun.Outcome.RUNNING_ELSEWHERE,
                    "%s: job %d is running in another process (%s); left it alone".formatted(file.name(),
                            last.getId(), lease.ownerOf(last.getJobInstanceId()).orElse("starting")));
        }
        // Spring Batch checks that no execution runs, then creates one, in two transactions: two
        // processes restarting one job at once would both pass; the lease lets one through
        if (!lease.claim(last.getJobInstanceId())) {
            return startedElsewhere(file);
        }
        try {
            return resumeClaimed(file, jobRepository.getLastJobExecution(last.getJobInstance()));
        }
        finally {
            lease.release(last.getJobInstanceId());
        }
    }

    private JobRun resumeClaimed(InputFile file, JobExecution last) {
        if (last.getStatus() == BatchStatus.COMPLETED) {
            return new JobRun(last, JobRun.Outcome.ALREADY_COMPLETED,
                    "%s: job %d was completed by another process meanwhile".formatted(file.name(), last.getId()));
        }
        boolean ownerGone = last.getStatus().isRunning();
        if (ownerGone) {
            log.warn("Job {} of {} was left running by a process that is gone; recovering it", last.getId(), file.name());
            try {
                last = jobOperator.recover(last);
            }
            catch (RuntimeException refused) {
                return notTakenOver(file, last, refused);
            }
        }
        if (last.getStatus() == BatchStatus.ABANDONED) {
            return new JobRun(last, JobRun.Outcome.FAILED,
                    "%s: job %d was abandoned and is not restarted".formatted(file.name(), last.getId()));
        }
        JobExecution previous = last;
        log.info("Restarting job {} of {} from its last checkpoint", previous.getId(), file.name());
        try {
            return finished(file, jobOperator.restart(previous));
        }
        catch (JobRestartException refused) {
            return ownerGone ? notTakenOver(file, previous, refused) : couldNotLaunch(file, refused);
        }
        catch (RuntimeException failed) {
            // as for a first start: this file's line, and the next file is still tried
            return couldNotLaunch(file, failed);
        }
    }

    /**
     * Starts the first job of a file. Processes that find the same new file at once all get here;
     * the job repository's unique key on the job instance lets one of them create it, and the others
     * fail in a way that depends on how far the winner got (duplicate key, serialization failure,
     * an instance with no execution yet). Whichever it is, the instance now exists: another process has it.
     */
    private JobExecution start(InputFile file) throws Exception {
        try {
            return jobOperator.start(job, file.toJobParameters());
        }
        catch (DataIntegrityViolationException | ConcurrencyFailureException | IllegalStateException failure) {
            // not a race lost if this process's own job began: the job database failed under it
            if (runningJobs.unended(file).isEmpty()
                    && jobRepository.getJobInstance(job.getName(), file.toJobParameters()) != null) {
                throw new JobExecutionAlreadyRunningException("another process created the job instance", failure);
            }
            throw failure;
        }
    }

    private static JobRun notStarted(String what) {
        return new JobRun(null, JobRun.Outcome.NOT_STARTED,
                "%s: not started: bulkcall was asked to stop; the next run takes it".formatted(what));
    }

    private static JobRun startedElsewhere(InputFile file) {
        return new JobRun(null, JobRun.Outcome.RUNNING_ELSEWHERE,
                "%s: another process started its job a moment ago; left it alone".formatted(file.name()));
    }

    /**
     * A job left running by a process that is gone, which this process holds (so no other bulkcall
     * process can take it either) but Spring Batch would not let it recover or restart: unlike a job
     * another live process runs, nobody works on this file.
     */
    private static JobRun notTakenOver(InputFile file, JobExecution left, Exception refusal) {
        return new JobRun(null, JobRun.Outcome.NOT_TAKEN_OVER,
                "%s: job %d was left running by a process that is gone, and could not be taken over: %s"
                    .formatted(file.name(), left.getId(), JobFailures.readableMessage(refusal)));
    }

    /** Where a completed job's file went, in words: moved to {@code processed/}, or left as another file. */
    private String processed(InputFile file) {
        return archive.toProcessed(file).map(moved -> "moved it to " + moved).orElseGet(() -> leftInPlace(file));
    }

    private static String leftInPlace(InputFile file) {
        return "left %s where it is: it has changed since the job began, and the next run takes it as a new job"
            .formatted(file.path());
    }

    /** A completed job whose file stays in the input folder: each next run finds the job completed and tries again. */
    private static JobRun notMoved(JobExecution completed, String done, UncheckedIOException unmoved) {
        return new JobRun(completed, JobRun.Outcome.NOT_MOVED, done + "; but " + unmoved.getMessage()
                + "; nothing is dialed again, and the next run moves it once it can");
    }

    /**
     * A launch refused, or a job that began and then lost its job database: Spring Batch could not
     * record how it went. That job is left running in the database, and the next run recovers it once
     * this process is gone.
     */
    private JobRun couldNotLaunch(InputFile file, Exception e) {
        // the other process marked this one's execution failed before it restarted the job, so
        // Spring Batch could not record how it ended here
        Optional<JobExecution> began = runningJobs.unended(file);
        Optional<String> holder = began.flatMap(execution -> lease.takenOverBy(execution.getJobInstanceId()));
        if (holder.isPresent()) {
            return takenOver(file, began.get(), holder.get());
        }
        String why = JobFailures.readableMessage(e);
        return new JobRun(null, JobRun.Outcome.FAILED, began
            .map(execution -> "%s: job %d could not go on: the job database failed under it (%s); once it works again, the next run recovers the job from its last checkpoint"
                .formatted(file.name(), execution.getId(), why))
            .orElseGet(() -> "%s: the job could not be launched: %s".formatted(file.name(), why)));
    }

    /**
     * A job of this process that another process took over, having found this one's lease expired: this
     * one sent nothing more for it once it knew (its writes fail on the lease), and left its batches to
     * the other, which runs the job now.
     */
    private static JobRun takenOver(InputFile file, JobExecution execution, String holder) {
        return new JobRun(execution, JobRun.Outcome.FAILED,
                "%s: job %d was taken over by process %s, which found this process's lease expired (was this process suspended, or is a clock off?); this process sent nothing more for it and left its batches to that process"
                    .formatted(file.name(), execution.getId(), holder));
    }

    private JobRun finished(InputFile file, JobExecution execution) {
        JobRun.Outcome outcome = JobRun.outcomeOf(execution);
        // a write that found the job's lease another process's
        Optional<JobTakenOverException> takeover = JobFailures.find(execution, JobTakenOverException.class);
        if (takeover.isPresent()) {
            return takenOver(file, execution, takeover.get().owner());
        }
        String folder = reportFolder(execution, file).path().toString();
        String message = switch (outcome) {
            case COMPLETED -> "%s: job %d completed; results in %s".formatted(file.name(), execution.getId(), folder);
            case REJECTED -> rejection(file, execution);
            case STOPPED -> JobRun.stoppedMessage(file.name(), execution.getId(), stopReason(execution),
                    batches.mayStillDial(execution.getJobInstanceId()));
            default -> "%s: job %d failed: %s%s; once fixed, resume with: bulkcall restart %d".formatted(file.name(),
                    execution.getId(), JobFailures.firstReadableMessage(execution).orElse("see logs/bulkcall.log"),
                    queuedAdvice(execution), execution.getId());
        };
        if (outcome == JobRun.Outcome.COMPLETED) {
            // only now that COMPLETED is committed: a crash before this move leaves the file for the
            // next run, which finds its job completed and moves it then
            try {
                return new JobRun(execution, outcome,
                        archive.toProcessed(file).isPresent() ? message : message + "; " + leftInPlace(file));
            }
            catch (UncheckedIOException unmoved) {
                return notMoved(execution, message, unmoved);
            }
        }
        return new JobRun(execution, outcome, message);
    }

    private String rejection(InputFile file, JobExecution execution) {
        Optional<String> refusal = BulkCallJob.refusal(execution);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Path moved = archive.toFailed(file);
        String message = "%s was not dialed: %s; moved it to %s".formatted(file.name(),
                JobFailures.inputFileProblem(execution).orElseThrow().getMessage(), moved);
        // kept with the job, as the decider keeps its reason: a purge knows the job is over by it
        BulkCallJob.refuse(execution, message);
        jobRepository.updateExecutionContext(execution);
        return message;
    }

    /** For a failed job: what may still be queued at Cartesia, and how to cancel it. */
    private String queuedAdvice(JobExecution execution) {
        int mayStillDial = batches.mayStillDial(execution.getJobInstanceId());
        return mayStillDial == 0 ? ""
                : "; %s: `bulkcall cancel %d` cancels them once it answers".formatted(JobRun.mayStillDial(mayStillDial),
                        execution.getId());
    }

    private static String stopReason(JobExecution execution) {
        return BulkCallJob.maxWaitStop(execution).isPresent() ? " waiting for calls" : "";
    }

    private ReportFolder reportFolder(JobExecution execution, InputFile file) {
        return reportFolders.of(execution.getJobInstanceId(), file);
    }
}
