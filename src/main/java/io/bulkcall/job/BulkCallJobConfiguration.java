package io.bulkcall.job;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.calls.AwaitCallsTasklet;
import io.bulkcall.job.calls.RetryFailedCallsTasklet;
import io.bulkcall.job.launch.JobLease;
import io.bulkcall.job.launch.RunningJobs;
import io.bulkcall.job.staging.RejectFileTasklet;
import io.bulkcall.job.staging.StagingWriter;
import io.bulkcall.job.store.StagedRecipient;
import io.bulkcall.job.submit.CallBatchWriter;
import io.bulkcall.job.submit.SubmitReconciler;
import io.bulkcall.report.WriteReportTasklet;
import io.bulkcall.validation.CheckedRow;
import io.bulkcall.validation.NumberCheckingReader;
import io.bulkcall.validation.ScreenedRow;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The bulk-call job, one instance per input file:
 * <pre>
 * validate ─▶ (outcome) ─REJECTED─▶ rejectFile ─▶ FAILED
 *                 │
 *              ACCEPTED─▶ submit ─▶ await ─▶ (retry?) ─DONE─▶ report
 *                                     ▲          │
 *                                     └─ retry ◀─RETRY
 * </pre>
 * {@code await} and {@code retry} loop, so they may start again after completing. Step and reader
 * names are persisted state: renaming one breaks the restart of an unfinished job.
 */
@Configuration(proxyBeanMethods = false)
public class BulkCallJobConfiguration {

    public static final String JOB_NAME = "bulkCall";
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
            Step rejectFile, Step submit, Step await, RetryDecider retryDecision, Step retry, Step report,
            JobRecordListener jobRecordListener, JobLease jobLease, RunningJobs runningJobs) {
        return new JobBuilder(JOB_NAME, jobRepository)
            .listener(jobRecordListener)
            .listener(jobLease)
            .listener(runningJobs)
            .start(validate).on(COMPLETED).to(validationOutcome)
            .from(validate).on(ANY).fail()
            .from(validationOutcome).on(ValidationOutcomeDecider.REJECTED.getName()).to(rejectFile)
            .from(validationOutcome).on(ValidationOutcomeDecider.ACCEPTED.getName()).to(submit)
            .from(rejectFile).on(ANY).fail()
            .from(submit).on(COMPLETED).to(await)
            .from(submit).on(ANY).fail()
            .from(await).on(COMPLETED).to(retryDecision)
            .from(await).on(ANY).fail()
            .from(retryDecision).on(RetryDecider.RETRY.getName()).to(retry)
            .from(retryDecision).on(RetryDecider.DONE.getName()).to(report)
            .from(retry).on(COMPLETED).to(await)
            .from(retry).on(ANY).fail()
            .from(report).on(COMPLETED).end()
            .from(report).on(ANY).fail()
            .end()
            .build();
    }

    @Bean
    Step validate(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            NumberCheckingReader numberCheckingReader, ItemProcessor<CheckedRow, ScreenedRow> rowScreener,
            StagingWriter stagingWriter, BulkcallProperties properties) {
        return new StepBuilder("validate", jobRepository).<CheckedRow, ScreenedRow>chunk(properties.batch().size())
            .transactionManager(transactionManager)
            .reader(numberCheckingReader)
            .processor(rowScreener)
            .writer(stagingWriter)
            .build();
    }

    @Bean
    Step rejectFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RejectFileTasklet rejectFileTasklet) {
        return new StepBuilder("rejectFile", jobRepository).tasklet(rejectFileTasklet, transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    Step submit(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<StagedRecipient> stagedRecipientReader, CallBatchWriter callBatchWriter,
            SubmitReconciler submitReconciler, BulkcallProperties properties) {
        // not fault-tolerant on purpose: a write retry or skip would re-send a create; transient
        // faults are the client's business and an unknown outcome is reconciled by name
        return new StepBuilder("submit", jobRepository).<StagedRecipient, StagedRecipient>chunk(properties.batch().size())
            .transactionManager(transactionManager)
            .reader(stagedRecipientReader)
            .writer(callBatchWriter)
            .listener(submitReconciler)
            .build();
    }

    @Bean
    Step await(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AwaitCallsTasklet awaitCallsTasklet) {
        return new StepBuilder("await", jobRepository).tasklet(awaitCallsTasklet, transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    Step retry(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RetryFailedCallsTasklet retryFailedCallsTasklet) {
        return new StepBuilder("retry", jobRepository).tasklet(retryFailedCallsTasklet, transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    Step report(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WriteReportTasklet writeReportTasklet) {
        return new StepBuilder("report", jobRepository).tasklet(writeReportTasklet, transactionManager).build();
    }
}
