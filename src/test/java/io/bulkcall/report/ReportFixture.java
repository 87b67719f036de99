package io.bulkcall.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.database.StreamedQuery;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.JobEnding;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.metrics.BulkcallMetrics;
import io.bulkcall.window.CallingWindowSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A job database in memory, migrated as bulkcall migrates its own and filled from
 * {@code report/job.sql} (a finished job of {@code calls.csv}, execution 7 of instance 1), with the
 * report writer over it: reports of a job whose every figure a test knows.
 */
final class ReportFixture {

    /** When the reports are written: Wednesday 25 November 2026, 18:00 UTC. */
    static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    final JdbcTemplate jdbc;
    final JobReportWriter writer;
    final ReportFolder folder;
    final JobExecution execution;

    ReportFixture(Path outputDir) {
        this(outputDir, "calls.csv");
    }

    /** @param fileName the input file's name, as the job was started with */
    ReportFixture(Path outputDir, String fileName) {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:report-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        new ResourceDatabasePopulator(new ClassPathResource("report/job.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        JdbcClient client = JdbcClient.create(dataSource);
        JsonMapper json = JsonMapper.builder().build();
        BulkcallProperties properties = new Binder(List.of(new MapConfigurationPropertySource(Map.of("bulkcall.output-dir",
                outputDir.toString()))), null, CallingWindowSettings.conversionService())
            .bindOrCreate("bulkcall", BulkcallProperties.class);
        ReportFolders folders = new ReportFolders(properties);
        StreamedQuery streamed = new StreamedQuery(dataSource, new JdbcTransactionManager(dataSource));
        JobReportBuilder builder = new JobReportBuilder(new ReportQuery(jdbc, streamed),
                new RecipientRepository(client, jdbc, dataSource, streamed, json),
                new JobRecordRepository(client, json), folders, properties,
                Clock.fixed(NOW, ZoneOffset.UTC));
        writer = new JobReportWriter(builder, new SummaryWriter(), folders, new BulkcallMetrics(new SimpleMeterRegistry()));
        InputFile file = new InputFile(outputDir.resolve(fileName), fileName,
                "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
        execution = MetaDataInstanceFactory.createJobExecution("bulkCall", 1L, 7L, file.toJobParameters());
        folder = folders.of(execution);
    }

    /** Writes summary.json and report.html of the completed job. */
    ReportFolder writeCompleted() {
        writer.write(execution, JobEnding.COMPLETED, true);
        return folder;
    }
}
