package io.bulkcall.database;

import javax.sql.DataSource;

import io.bulkcall.config.BulkcallProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How bulkcall opens its job database (see {@link SharedH2FileDatabase}), reads many rows of it
 * ({@link StreamedQuery}), and names its file ({@link JobDatabaseFile}).
 */
@Configuration(proxyBeanMethods = false)
class JobDatabaseConfiguration {

    /**
     * Static and bound straight from the environment: a post-processor is created before the
     * settings bean, and must not pull it in early.
     */
    @Bean
    static SharedH2FileDatabase sharedH2FileDatabase(Environment environment) {
        BulkcallProperties.Database settings = Binder.get(environment)
            .bindOrCreate("bulkcall.database", BulkcallProperties.Database.class);
        return new SharedH2FileDatabase(settings.openTimeout());
    }

    /** The passes over many rows of the job database, on H2 and PostgreSQL alike. */
    @Bean
    StreamedQuery streamedQuery(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new StreamedQuery(dataSource, transactionManager);
    }

    @Bean
    JobDatabaseFile jobDatabaseFile(DataSource dataSource) {
        return new JobDatabaseFile(dataSource);
    }

    /** One process at a time migrates a shared H2 file; see {@link SharedH2FileDatabase#migrateInTurn}. */
    @Bean
    FlywayMigrationStrategy migrationInTurn() {
        return SharedH2FileDatabase::migrateInTurn;
    }
}
