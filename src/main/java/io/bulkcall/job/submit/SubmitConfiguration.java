package io.bulkcall.job.submit;

import java.time.Clock;

import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.SendOnce;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.LeasedTransaction;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.window.CallingWindows;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code submit} step, with its step-scoped reader and writer. */
@Configuration(proxyBeanMethods = false)
class SubmitConfiguration {

    /**
     * One call batch per chunk, so that each create is committed with its recipients on its own. Not
     * fault-tolerant on purpose: a write retry or skip would re-send a create; transient faults are the
     * client's business and an unknown outcome is reconciled by name.
     */
    @Bean
    Step submit(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DueBatchReader dueBatchReader, CallBatchWriter callBatchWriter,
            SentColumnsCheck sentColumnsCheck, SubmitReconciler submitReconciler) {
        return new StepBuilder("submit", jobRepository).<PlannedBatch, PlannedBatch>chunk(1)
            .transactionManager(transactionManager)
            .reader(dueBatchReader)
            .writer(callBatchWriter)
            .listener(sentColumnsCheck)
            .listener(submitReconciler)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    @StepScope
    DueBatchReader dueBatchReader(RecipientRepository recipients,
            JobRecordRepository jobs, CallingWindows windows, BulkcallProperties properties, Clock clock,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
        return new DueBatchReader(jobInstanceId, properties.batch().size(), recipients, jobs, windows, clock);
    }

    @Bean
    @StepScope
    CallBatchWriter callBatchWriter(BulkcallProperties properties, JobRecordRepository jobs,
            CallBatchRepository batches, RecipientRepository recipients, CartesiaClient client, CallBatchFinder finder,
            SendOnce sendOnce, CallingWindows windows, ContactHistory contacts, LeasedTransaction leased,
            Clock clock, @Value("#{stepExecution}") StepExecution stepExecution) {
        return new CallBatchWriter(stepExecution, properties, jobs, batches, recipients, client, finder, sendOnce,
                windows, contacts, leased, clock);
    }
}
