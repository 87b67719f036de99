package io.bulkcall.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.EarlierJobDatabase;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Batch's job repository tables are a migration of bulkcall's (9), not a script run at every
 * start: a start on an existing H2 job database fails no statement (H2 wrote each failed one to its
 * trace file with a stack trace, nine a start), and a database whose Spring Batch tables an earlier
 * bulkcall made keeps them and its jobs. On PostgreSQL: {@code postgres/PostgresJobTest}.
 */
@ExtendWith(BulkcallWorkspaces.class)
class SpringBatchTablesTest {

    @Test
    void startsOnAnExistingJobDatabaseFailNoStatement(Workspace workspace) throws IOException {
        // given: a job database one run made
        workspace.drop("numbers.csv", CsvFiles.numbers(10));
        assertThat(workspace.run("run")).isZero();

        // when
        int statusExit = workspace.run("status");
        int runExit = workspace.run("run");

        // then
        assertThat(statusExit).isZero();
        assertThat(runExit).isZero();
        assertThat(failedStatements(workspace)).isEmpty();
    }

    @Test
    void aJobDatabaseWhoseSpringBatchTablesAnEarlierVersionMadeKeepsThemAndItsJobs(Workspace workspace)
            throws IOException {
        // given: a database as bulkcall left it before migration 9, with a job in Spring Batch's tables
        EarlierJobDatabase.create(workspace.jobDatabase(), "h2");
        JdbcClient database = JdbcClient.create(workspace.jobDatabase());
        database.sql("""
                INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY)
                VALUES (NEXT VALUE FOR BATCH_JOB_INSTANCE_SEQ, 0, 'bulkCall', 'earlier')""").update();

        // when
        workspace.drop("numbers.csv", CsvFiles.numbers(10));
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(database.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL "
                + "ORDER BY \"installed_rank\"").query(String.class).list())
            .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(database.sql("SELECT JOB_KEY FROM BATCH_JOB_INSTANCE ORDER BY JOB_INSTANCE_ID")
            .query(String.class)
            .list())
            .hasSize(2)
            .startsWith("earlier");
        assertThat(workspace.lastJobStatus()).isEqualTo("COMPLETED");
        assertThat(failedStatements(workspace)).isEmpty();
    }

    /**
     * The statements that failed, as H2 writes them to its trace file beside the database. Not the file's
     * absence: with the JVM's assertions on, as in the tests, H2 also writes one of its own there as it
     * compacts the file on closing it.
     */
    private static List<String> failedStatements(Workspace workspace) throws IOException {
        Path trace = workspace.database().resolveSibling(workspace.database().getFileName() + ".trace.db");
        return Files.exists(trace)
                ? Files.readAllLines(trace).stream().filter(line -> line.contains("SQL statement:")).toList()
                : List.of();
    }
}
