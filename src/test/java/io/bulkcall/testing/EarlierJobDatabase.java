package io.bulkcall.testing;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A job database as bulkcall left it before Spring Batch's tables were a migration of its own: bulkcall's
 * tables by migrations 1 to 8, Spring Batch's by the schema script Spring Boot ran at every start.
 */
public final class EarlierJobDatabase {

    private EarlierJobDatabase() {
    }

    /** @param platform Spring Batch's name for the database: {@code h2} or {@code postgresql} */
    public static void create(DataSource dataSource, String platform) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("8").load().migrate();
        String springBatchSchema = "org/springframework/batch/core/schema-" + platform + ".sql";
        new ResourceDatabasePopulator(new ClassPathResource(springBatchSchema)).execute(dataSource);
    }
}
