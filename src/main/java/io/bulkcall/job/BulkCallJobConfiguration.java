package io.bulkcall.job;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.calls.AwaitCallsTasklet;
import io.bulkcall.job.calls.QueuedCallsCanceller;
import io.bulkcall.job.calls.RedialRoundTasklet;
import io.bulkcall.job.instance.BulkCallJob;
import io.bulkcall.job.launch.JobLease;
import io.bulkcall.job.launch.RunningJobs;
import io.bulkcall.job.progress.CallProgressSampler;
import io.bulkcall.job.staging.RejectFileTasklet;
import io.bulkcall.report.ReportOnJobEnd;
import io.bulkcall.report.WriteReportTasklet;
import io.bulkcall.window.CallingWindows;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.builder.TaskletStepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The bulk-call job, one instance per input file:
 * <pre>
 * validate ─▶ (outcome) ─REJECTED─▶ rejectFile ─▶ FAILED
 *                 │
 *              ACCEPTED
 *                 ▼
 *              submit ─▶ await ─COMPLETED─▶ report
 *                ▲         │  ▲
 *                └─SUBMIT──┘  └─▶ retry (on RETRY, back to await)
 * </pre>
 * {@code submit} creates the batches of the groups whose calling window opens, and of the recipients whose
 * redial is due; {@code await} watches the calls, records each finished batch and the redials its
 * outcomes call for, closes windows, and comes back to {@code submit} when a waiting group is due, or
 * goes to {@code retry} when a batch's Retry Call Batch is. They loop, so they may start again after
 * completing. The {@code validate} and
 * {@code submit} steps are defined beside their readers and writers ({@code job.staging},
 * {@code job.submit}). Step and reader names are persisted state: renaming one breaks the restart of
 * an unfinished job.
 */
@Configuration(proxyBeanMethods = false)
class BulkCallJobConfiguration {

    private static final String COMPLETED = "COMPLETED";
    private static final String ANY = "*";

    /**
     * Lets the {@code JobOperator} find the job to restart or stop. It registers the job once every
     * singleton exists: the default registry looks for jobs while the operator is created, too
     * early for a job whose listeners need the operator.
     */
    @Bean
    MapJobRegistry jobRegistry() {
        return new MapJobRegistry();
    }

    @Bean
    Job bulkCallJob(JobRepository jobRepository, Step validate, ValidationOutcomeDecider validationOutcome,
            Step rejectFile, Step submit, Step await, Step retry, Step report,
            JobRecordListener jobRecordListener, JobLease jobLease, RunningJobs runningJobs,
            QueuedCallsCanceller queuedCallsCanceller, ReportOnJobEnd reportOnJobEnd) {
        return new JobBuilder(BulkCallJob.NAME, jobRepository)
            .listener(jobRecordListener)
            .listener(jobLease)
            .listener(runningJobs)
            // listeners end in reverse order: the report is written once queued calls are cancelled
            .listener(reportOnJobEnd)
            .listener(queuedCallsCanceller)
            .start(validate).on(COMPLETED).to(validationOutcome)
            .from(validate).on(ANY).fail()
            .from(validationOutcome).on(ValidationOutcomeDecider.REJECTED.getName()).to(rejectFile)
            .from(validationOutcome).on(ValidationOutcomeDecider.ACCEPTED.getName()).to(submit)
            .from(rejectFile).on(ANY).fail()
            .from(submit).on(COMPLETED).to(await)
            .from(submit).on(ANY).fail()
            .from(await).on(AwaitCallsTasklet.SUBMIT.getExitCode()).to(submit)
            .from(await).on(AwaitCallsTasklet.RETRY.getExitCode()).to(retry)
            .from(await).on(COMPLETED).to(report)
            .from(await).on(ANY).fail()
            .from(retry).on(COMPLETED).to(await)
            .from(retry).on(ANY).fail()
            .from(report).on(COMPLETED).end()
            .from(report).on(ANY).fail()
            .end()
            .build();
    }

    /** The calling windows as the job applies them: one clock, the settings, the batches' earliest start. */
    @Bean
    CallingWindows callingWindows(BulkcallProperties properties) {
        var notBefore = properties.batch().scheduledAt();
        return new CallingWindows(properties.callingWindow(), notBefore == null ? null : notBefore.toInstant());
    }

    @Bean
    Step rejectFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RejectFileTasklet rejectFileTasklet) {
        return rerunOnRestart(new StepBuilder("rejectFile", jobRepository).tasklet(rejectFileTasklet, transactionManager));
    }

    /**
     * Its tasklet records each finished batch in a transaction of its own, and waits between polls, up to
     * days for a window to open: a chunk transaction around it would hold a connection all that time, so
     * the step runs without one and its checkpoints go straight to the job repository.
     */
    @Bean
    Step await(JobRepository jobRepository, AwaitCallsTasklet awaitCallsTasklet, CallProgressSampler callProgressSampler) {
        return rerunOnRestart(new StepBuilder("await", jobRepository)
            .tasklet(awaitCallsTasklet, new ResourcelessTransactionManager())
            .stream(callProgressSampler));
    }

    @Bean
    Step retry(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RedialRoundTasklet redialRoundTasklet) {
        return rerunOnRestart(new StepBuilder("retry", jobRepository).tasklet(redialRoundTasklet, transactionManager));
    }

    @Bean
    Step report(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteReportTasklet writeReportTasklet) {
        return new StepBuilder("report", jobRepository).tasklet(writeReportTasklet, transactionManager).build();
    }

    /** A step the flow passes through more than once in one execution, and again on restart. */
    private static Step rerunOnRestart(TaskletStepBuilder step) {
        return step.allowStartIfComplete(true).build();
    }
}
