package io.bulkcall.job.staging;

import java.time.Clock;
import java.util.concurrent.Executor;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.csv.CsvWriter;
import io.bulkcall.input.InputFiles;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.validation.CheckedRow;
import io.bulkcall.validation.ContactLimits;
import io.bulkcall.validation.DoNotCallList;
import io.bulkcall.validation.PhoneNumberNormalizer;
import io.bulkcall.validation.RejectedRow;
import io.bulkcall.validation.RejectedRowFormat;
import io.bulkcall.validation.RowChecker;
import io.bulkcall.validation.RowScreener;
import io.bulkcall.validation.ScreenedRow;
import io.bulkcall.validation.SentColumns;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code validate} step with its step-scoped reader, processor and writer: the input file's rows
 * with their numbers checked ahead, screened in file order, staged or rejected. The reader's name is
 * persisted state (it prefixes its ExecutionContext keys): renaming it breaks the restart of an
 * unfinished job.
 */
@Configuration(proxyBeanMethods = false)
class StagingConfiguration {

    @Bean
    Step validate(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CheckedRowReader numberCheckingReader, RowScreener rowScreener,
            StagingWriter stagingWriter, BulkcallProperties properties, ValidationProgressListener validationProgressListener) {
        return new StepBuilder("validate", jobRepository).<CheckedRow, ScreenedRow>chunk(properties.batch().size())
            .transactionManager(transactionManager)
            .reader(numberCheckingReader)
            .processor(rowScreener::process)
            .writer(stagingWriter)
            .listener(validationProgressListener)
            .build();
    }

    @Bean
    @StepScope
    CheckedRowReader numberCheckingReader(
            @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters, InputFiles inputFiles,
            PhoneNumberNormalizer phoneNumberNormalizer, BulkcallProperties properties, Clock clock,
            ContactLimits contactLimits, RecipientRepository recipients, Executor numberCheckExecutor) {
        CheckedRowReader reader = new CheckedRowReader(InputFile.from(parameters), inputFiles,
                RowChecker.of(phoneNumberNormalizer, properties.callingWindow(), clock.instant(), contactLimits)
                    .writingMetadata(recipients::metadataColumn),
                numberCheckExecutor, (file, header) -> SentColumns.of(file, header, properties));
        reader.setName("numberCheckingReader");
        return reader;
    }

    @Bean
    @StepScope
    RowScreener rowScreener(CheckedRowReader numberCheckingReader,
            RecipientRepository recipients, DoNotCallList doNotCallList,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
        return new RowScreener(doNotCallList, recipients.seenNumbers(jobInstanceId), numberCheckingReader.sentColumns());
    }

    @Bean
    @StepScope
    StagingWriter stagingWriter(CheckedRowReader numberCheckingReader, RecipientRepository recipients,
            JobRecordRepository jobs, ReportFolders reportFolders,
            @Value("#{stepExecution.jobExecution}") JobExecution jobExecution) {
        long jobInstanceId = jobExecution.getJobInstanceId();
        ReportFolder folder = reportFolders.of(jobExecution);
        FlatFileItemWriter<RejectedRow> rejectedCsv = new FlatFileItemWriterBuilder<RejectedRow>()
            .name("rejectedCsvWriter")
            .resource(new FileSystemResource(folder.rejectedCsv()))
            .encoding("UTF-8")
            .lineSeparator(CsvWriter.LINE_SEPARATOR)
            .headerCallback(writer -> writer.write(RejectedRowFormat.headerLine(numberCheckingReader.header())))
            .lineAggregator(row -> RejectedRowFormat.line(numberCheckingReader.header(), row))
            .build();
        return new StagingWriter(jobExecution, numberCheckingReader, recipients, jobs, rejectedCsv);
    }
}
