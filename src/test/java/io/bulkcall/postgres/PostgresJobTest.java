package io.bulkcall.postgres;

import java.time.Duration;
import java.util.List;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.EarlierJobDatabase;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.PostgresDatabase;
import io.bulkcall.testing.PostgresDatabases;
import io.bulkcall.testing.Workspace;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk-call job with the {@code postgres} profile, end to end on a real PostgreSQL server:
 * Spring Batch's job repository and bulkcall's tables both live there, and everything the job does
 * on H2 it does there too: stop, restart, retry rounds, reports.
 */
@ExtendWith({ BulkcallWorkspaces.class, PostgresDatabases.class, OutputCaptureExtension.class })
@OnSystemClock
class PostgresJobTest {

    /** One attempt in three fails: the retry round has work. */
    private static final SandboxSettings SANDBOX = BulkcallWorkspaces.SYSTEM_CLOCK_SANDBOX.with(sandbox -> {
        sandbox.ringDuration = Duration.ofMillis(20);
        sandbox.callDuration = Duration.ofMillis(50);
        sandbox.failureRate = 0.3;
    });

    private Workspace workspace;
    private SandboxServer sandbox;
    private JdbcClient database;

    @BeforeEach
    void useDatabase(Workspace workspace, PostgresDatabase postgres) {
        this.workspace = workspace.with(postgres.springArguments()).with("--bulkcall.redial.rounds=1");
        sandbox = workspace.useSandbox(SANDBOX);
        database = postgres.jdbc();
    }

    @Test
    void springBatchAndBulkcallTablesAreCreatedInPostgresql() {
        // given
        workspace.dropFixture("/postgres/sample.csv", "sample.csv");

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(database.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""").query(String.class).list())
            .contains("batch_job_instance", "batch_job_execution", "batch_job_execution_params",
                    "batch_job_execution_context", "batch_step_execution", "batch_step_execution_context",
                    "bc_job", "bc_recipient", "bc_rejection", "bc_batch", "bc_lease", "flyway_schema_history");
        assertThat(database.sql("SELECT version || ' ' || success FROM flyway_schema_history WHERE version IS NOT NULL")
            .query(String.class)
            .list()).containsExactly("1 true", "2 true", "3 true", "4 true", "5 true", "6 true", "7 true", "8 true", "9 true");
        assertThat(database.sql("SELECT status FROM batch_job_execution").query(String.class).list())
            .containsExactly("COMPLETED");
        assertThat(database.sql("SELECT COUNT(*) FROM bc_recipient WHERE batch_id IS NOT NULL").query(Long.class).single())
            .isEqualTo(30);
        assertThat(database.sql("SELECT COUNT(*) FROM bc_rejection").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theSampleRunsWithARetryRoundAndItsTextSurvivesTheRoundTrip() {
        // given
        workspace.dropFixture("/postgres/sample.csv", "sample.csv");

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isPositive();
        assertThat(database.sql("SELECT MAX(round) FROM bc_redial").query(Integer.class).single()).isEqualTo(1);
        List<CSVRecord> results = CsvFiles.records(workspace.reports(1, "sample").resolve("results.csv"));
        assertThat(results).hasSize(30);
        assertThat(results).filteredOn(row -> row.get("customer_id").equals("C-1033"))
            .singleElement()
            .satisfies(row -> {
                assertThat(row.get("first_name")).isEqualTo("Zoë");
                assertThat(row.get("note")).isEqualTo("Café crème ☕, répond en français");
                assertThat(row.get("to_number")).isEqualTo("+33142685300");
            });
        assertThat(results).filteredOn(row -> row.get("attempts").equals("2")).isNotEmpty();
        assertThat(sandbox.createdToNumbers()).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void aStoppedJobLeavesNothingQueuedAndItsRestartDialsTheRestInNewBatches(CapturedOutput output) {
        // given: calls that take a few seconds in all, and a first run that gives up waiting at once,
        // after all three batches were created
        sandbox = workspace.useSandbox(SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 600;
            sandbox.ringDuration = Duration.ofMillis(200);
            sandbox.callDuration = Duration.ofMillis(400);
        }));
        workspace.drop("big.csv", CsvFiles.numbers(2500));
        int firstExit = workspace.run("run", "--bulkcall.poll.max-wait=0s");
        assertThat(firstExit).isEqualTo(1);
        assertThat(output.getErr()).contains("resume with: bulkcall restart 1");
        assertThat(database.sql("SELECT status FROM batch_job_execution").query(String.class).list())
            .containsExactly("STOPPED");
        assertThat(sandbox.batches()).hasSize(3).allSatisfy(batch -> assertThat(batch.status()).isEqualTo("cancelled"));

        // when
        int exitCode = workspace.run("restart", "1");

        // then
        assertThat(exitCode).isZero();
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 1, CsvFiles.usNumbers(2500));
        assertThat(database.sql("SELECT status FROM batch_job_execution ORDER BY job_execution_id")
            .query(String.class)
            .list()).containsExactly("STOPPED", "COMPLETED");
        assertThat(CsvFiles.records(workspace.reports(1, "big").resolve("results.csv"))).hasSize(2500)
            .allSatisfy(row -> assertThat(row.get("batch_id")).isNotEmpty());
    }

    @Test
    void statusWithNoJobSaysSoWithoutTheUrlWhichMayHoldAPassword(CapturedOutput output) {
        int exitCode = workspace.run("status");

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("No job in the job database (spring.datasource.url)");
        assertThat(output.getAll()).doesNotContain("jdbc:postgresql:");
    }

    @Test
    void startingAgainAgainstAnInitializedDatabaseIsHarmless(CapturedOutput output) {
        // given: a database that one run created and filled
        workspace.drop("monday.csv", CsvFiles.numbers(20));
        assertThat(workspace.run("run")).isZero();
        long migrations = appliedMigrations();

        // when: the migrations are looked at again on every start
        workspace.drop("tuesday.csv", CsvFiles.numbers(21));
        int runExit = workspace.run("run");
        int statusExit = workspace.run("status");

        // then
        assertThat(runExit).isZero();
        assertThat(statusExit).isZero();
        assertThat(output.getErr()).contains("tuesday.csv: job 2 completed");
        assertThat(output.getOut()).contains("monday.csv", "tuesday.csv");
        assertThat(appliedMigrations()).isEqualTo(migrations);
        assertThat(database.sql("SELECT COUNT(*) FROM batch_job_instance").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aDatabaseWhoseSpringBatchTablesAnEarlierVersionMadeKeepsThemAndItsJobs(PostgresDatabase postgres) {
        // given: a database as bulkcall left it before migration 9, with a job in Spring Batch's tables
        EarlierJobDatabase.create(postgres.dataSource(), "postgresql");
        database.sql("""
                INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key)
                VALUES (nextval('batch_job_instance_seq'), 0, 'bulkCall', 'earlier')""").update();

        // when
        workspace.drop("numbers.csv", CsvFiles.numbers(10));
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(appliedMigrations()).isEqualTo(9);
        assertThat(database.sql("SELECT job_key FROM batch_job_instance ORDER BY job_instance_id")
            .query(String.class)
            .list())
            .hasSize(2)
            .startsWith("earlier");
        assertThat(database.sql("SELECT status FROM batch_job_execution").query(String.class).list())
            .containsExactly("COMPLETED");
    }

    @Test
    void batchesADatabaseForgotAreAdoptedFromCartesiaNotCreatedAgain(CapturedOutput output) {
        // given: a run that created four of five batches and failed on the fifth
        workspace.drop("big.csv", CsvFiles.numbers(2000));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.INTERNAL_ERROR, 4);
        assertThat(workspace.run("run", "--bulkcall.batch.size=400", "--bulkcall.cartesia.max-attempts=1")).isEqualTo(1);
        assertThat(sandbox.batches()).hasSize(4);

        // and a database that lost the commits of the last batches, as after a restored dump: the
        // 2nd batch's create is in doubt again, the 3rd and 4th were never recorded at all
        database.sql("DELETE FROM bc_batch_member WHERE batch_no >= 3").update();
        database.sql("DELETE FROM bc_batch WHERE batch_no >= 3").update();
        database.sql("UPDATE bc_batch SET batch_id = NULL, status = NULL WHERE batch_no = 2").update();
        database.sql("""
                UPDATE bc_recipient SET batch_no = NULL, batch_id = NULL, status = NULL, attempts = 0
                WHERE batch_no >= 2""").update();

        // when
        int exitCode = workspace.run("run", "--bulkcall.batch.size=400");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("was created although its answer was lost; adopted it",
                "was missing from the job database (restored from a backup, or commits lost); adopted it");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 1, CsvFiles.usNumbers(2000));
        assertThat(CsvFiles.records(workspace.reports(1, "big").resolve("results.csv"))).hasSize(2000)
            .allSatisfy(row -> assertThat(row.get("status")).isIn("completed", "failed"));
    }

    private long appliedMigrations() {
        return database.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")
            .query(Long.class)
            .single();
    }
}
