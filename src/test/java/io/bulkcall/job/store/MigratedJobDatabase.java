package io.bulkcall.job.store;

import java.util.UUID;

import javax.sql.DataSource;

import io.bulkcall.database.StreamedQuery;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** A job database of a test's own, in memory, with bulkcall's migrations applied: one per test. */
final class MigratedJobDatabase {

    private final DataSource dataSource;

    MigratedJobDatabase() {
        this(MigrationVersion.LATEST);
    }

    private MigratedJobDatabase(MigrationVersion version) {
        dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:job-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        migrateTo(version);
    }

    /** A job database as a bulkcall of an earlier version left it: migrated up to this version only. */
    static MigratedJobDatabase upTo(String version) {
        return new MigratedJobDatabase(MigrationVersion.fromVersion(version));
    }

    /** Applies the migrations not applied yet, as this bulkcall does when it starts. */
    void migrate() {
        migrateTo(MigrationVersion.LATEST);
    }

    private void migrateTo(MigrationVersion version) {
        Flyway.configure().dataSource(dataSource).target(version).load().migrate();
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    RecipientRepository recipients() {
        return new RecipientRepository(JdbcClient.create(dataSource), jdbc(), dataSource,
                new StreamedQuery(dataSource, new JdbcTransactionManager(dataSource)), JsonMapper.builder().build());
    }
}
