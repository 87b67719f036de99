package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.LeaseRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.RecipientResult;
import io.bulkcall.job.store.TrackedBatch;
import io.bulkcall.job.store.WaitingGroup;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;

/**
 * Runs the steps of the bulkcall job one at a time with {@link JobOperatorTestUtils#startStep}, each
 * in a single-step job of its own, all those of one input file in its job instance: each step finds
 * the job database, the job's ExecutionContext and Cartesia as the steps before left them, as in
 * bulkcall's flow. bulkcall's job listeners do not run: the job's record, which one of them writes
 * before the first step, is written here once {@code validate} has made the job instance, and the
 * job's lease, which the steps that send hold, is taken for this process before each later step.
 */
public final class JobSteps {

    private final JobOperatorTestUtils jobOperatorTestUtils;
    private final JobRepository jobRepository;
    private final JobRecordRepository jobs;
    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final LeaseRepository leases;
    private final Path inputDir;
    private final Clock clock;

    JobSteps(JobOperatorTestUtils jobOperatorTestUtils, JobRepository jobRepository, JobRecordRepository jobs,
            CallBatchRepository batches, RecipientRepository recipients, LeaseRepository leases, Path inputDir,
            Clock clock) {
        this.jobOperatorTestUtils = jobOperatorTestUtils;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.batches = batches;
        this.recipients = recipients;
        this.leases = leases;
        this.inputDir = inputDir;
        this.clock = clock;
    }

    /**
     * Writes an input file and stages its recipients with the {@code validate} step.
     *
     * @throws IllegalStateException if the step does not complete
     */
    public StagedJob staged(String name, String csv) {
        StagedJob job = dropped(name, csv);
        StepExecution validate = job.startStep("validate");
        if (validate.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the validate step of " + name + " ended " + validate.getExitStatus());
        }
        jobs.register(validate.getJobExecution().getJobInstanceId(), job.file(), clock.instant());
        return job;
    }

    /** Writes an input file for a job whose {@code validate} step the test runs itself. */
    public StagedJob dropped(String name, String csv) {
        return new StagedJob(InputFile.of(write(name, csv)));
    }

    private Path write(String name, String csv) {
        try {
            Files.createDirectories(inputDir);
            return Files.writeString(inputDir.resolve(name), csv, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The job instance of one input file, whose steps run one after another, and what the job
     * database records of it.
     */
    public final class StagedJob {

        private final InputFile file;
        private final JobParameters parameters;

        private StagedJob(InputFile file) {
            this.file = file;
            this.parameters = file.toJobParameters();
        }

        public InputFile file() {
            return file;
        }

        public long instanceId() {
            return jobRepository.getJobInstance(JobOperatorTestUtils.JOB_NAME, parameters).getInstanceId();
        }

        /**
         * Runs the step in a new execution of the job instance: after the first, a restart of the
         * last one, with its job ExecutionContext. Spring Batch starts a completed job instance no
         * more, while bulkcall's flow goes from step to step in one: a last execution that completed
         * is marked stopped first, as if the job had stopped after that step.
         *
         * @return the step's execution, ended
         */
        public StepExecution startStep(String stepName) {
            JobExecution last = jobRepository.getLastJobExecution(JobOperatorTestUtils.JOB_NAME, parameters);
            if (last != null) {
                leases.insert(last.getJobInstanceId(), leases.thisProcess(), Instant.now());
            }
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                last.setStatus(BatchStatus.STOPPED);
                last.setExitStatus(ExitStatus.STOPPED);
                jobRepository.update(last);
            }
            JobExecution execution = jobOperatorTestUtils.startStep(stepName, parameters, new ExecutionContext());
            return execution.getStepExecutions().iterator().next();
        }

        /**
         * Runs {@code await}, and whatever its exit status asks for ({@code submit}, {@code retry}), as
         * the job's flow does, until {@code await} finds nothing left to wait for.
         *
         * @return the exit status of each step run, in order, such as {@code await:SUBMIT}
         * @throws IllegalStateException if a step does not complete
         */
        public List<String> runCalls() {
            List<String> ran = new ArrayList<>();
            for (String next = "await"; next != null;) {
                StepExecution step = startStep(next);
                String exit = step.getExitStatus().getExitCode();
                ran.add(next + ":" + exit);
                if (step.getStatus() != BatchStatus.COMPLETED) {
                    throw new IllegalStateException("the " + next + " step of " + file.name() + " ended " + step.getExitStatus());
                }
                next = !next.equals("await") ? "await" : switch (exit) {
                    case "SUBMIT" -> "submit";
                    case "RETRY" -> "retry";
                    default -> null;
                };
            }
            return ran;
        }

        /** Its call batches, in order. */
        public List<TrackedBatch> batches() {
            return batches.all(instanceId());
        }

        /** Its recipients with their outcomes, in line order, as {@code results.csv} would show them. */
        public List<RecipientResult> results() {
            List<RecipientResult> results = new ArrayList<>();
            recipients.forEachResult(instanceId(), results::add);
            return results;
        }

        /** Its recipients that wait for a batch, by window and round. */
        public List<WaitingGroup> waiting() {
            return recipients.waitingGroups(instanceId());
        }
    }
}
