package io.bulkcall.job.submit;

import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;

import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.cartesia.SendOnce;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.StagedRecipient;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The step-scoped reader and writer of the {@code submit} step. The reader's name is persisted state:
 * renaming it breaks the restart of an unfinished job.
 */
@Configuration(proxyBeanMethods = false)
class SubmitConfiguration {

    /**
     * Reads recipients not yet in a batch, in line order, keyset-paged: a restart needs no saved
     * position, since the rows already submitted are the ones with a batch id.
     */
    @Bean
    @StepScope
    public JdbcPagingItemReader<StagedRecipient> stagedRecipientReader(DataSource dataSource,
            RecipientRepository recipients, BulkcallProperties properties,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) throws Exception {
        return new JdbcPagingItemReaderBuilder<StagedRecipient>().name("stagedRecipientReader")
            .dataSource(dataSource)
            .queryProvider(new UnsubmittedRecipientsQuery())
            .parameterValues(Map.of("jobInstanceId", jobInstanceId))
            .rowMapper((rs, row) -> new StagedRecipient(rs.getLong("line"), rs.getString("to_number"),
                    recipients.metadata(rs.getString("metadata"))))
            .pageSize(properties.batch().size())
            .saveState(false)
            .build();
    }

    @Bean
    @StepScope
    public CallBatchWriter callBatchWriter(BulkcallProperties properties, JobRecordRepository jobs,
            CallBatchRepository batches, RecipientRepository recipients, CartesiaClient client, CallBatchFinder finder,
            SendOnce sendOnce, Clock clock, @Value("#{stepExecution}") StepExecution stepExecution) {
        return new CallBatchWriter(stepExecution, properties, jobs, batches, recipients, client, finder, sendOnce,
                clock);
    }
}
