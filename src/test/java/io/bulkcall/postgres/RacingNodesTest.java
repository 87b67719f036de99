package io.bulkcall.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.bulkcall.job.instance.InputFile;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.PostgresDatabase;
import io.bulkcall.testing.PostgresDatabases;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that loses a race to another node on one PostgreSQL job repository leaves the job to the
 * winner. The test plays the other node on a connection of its own and keeps its transaction open
 * until bulkcall waits behind it, so each race is decided the same way on every run.
 */
@ExtendWith({ BulkcallWorkspaces.class, PostgresDatabases.class, OutputCaptureExtension.class })
@OnSystemClock
class RacingNodesTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private PostgresDatabase postgres;
    private Workspace workspace;
    private SandboxServer sandbox;
    private JdbcClient database;

    @BeforeEach
    void useDatabase(Workspace workspace, PostgresDatabase postgres) {
        this.postgres = postgres;
        this.workspace = workspace.with(postgres.springArguments());
        sandbox = workspace.useSandbox(BulkcallWorkspaces.SYSTEM_CLOCK_SANDBOX.with(sandbox -> {
            sandbox.ringDuration = Duration.ofMillis(1);
            sandbox.callDuration = Duration.ofMillis(5);
            sandbox.failureRate = 0;
        }));
        database = postgres.jdbc();
    }

    @Test
    void aNodeThatLosesTheRaceToCreateAFilesJobLeavesTheFileToTheWinner(CapturedOutput output) throws Exception {
        // given: the other node found the same new file and is inserting its job instance
        assertThat(workspace.run("status")).isZero();
        Path file = workspace.drop("numbers.csv", CsvFiles.numbers(10));
        String jobKey = new DefaultJobKeyGenerator().generateKey(InputFile.of(file).toJobParameters());
        int exitCode;
        try (OtherNode other = new OtherNode(postgres)) {
            other.update("""
                    INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key)
                    VALUES (nextval('batch_job_instance_seq'), 0, 'bulkCall', ?)""", jobKey);

            // when: this node inserts the same instance, waits for the other's transaction, and loses
            exitCode = runWhileTheOtherNodeCommits(other, "run");
        }

        // then
        assertThat(exitCode).as("the file is the other node's work").isZero();
        assertThat(output.getErr()).contains("INFO  numbers.csv: another process started its job a moment ago; left it alone")
            .doesNotContain("ERROR");
        assertThat(database.sql("SELECT COUNT(*) FROM batch_job_execution").query(Long.class).single()).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(file).exists();
    }

    @Test
    void aNodeThatLosesTheRaceToRestartAFailedJobLeavesItToTheWinner(CapturedOutput output) throws Exception {
        // given: a job that failed at its second batch, and another node claiming it for its restart
        failAtTheSecondBatch();
        int exitCode;
        try (OtherNode other = new OtherNode(postgres)) {
            other.update("INSERT INTO bc_lease (job_instance_id, owner, heartbeat_at) VALUES (1, '4242@node-b', ?)",
                    Timestamp.from(Instant.now()));

            // when: this node claims the job too, waits for the other's transaction, and loses
            exitCode = runWhileTheOtherNodeCommits(other, "run");
        }

        // then
        assertThat(exitCode).as("the file is the other node's work").isZero();
        assertThat(output.getErr()).contains("INFO  big.csv: another process started its job a moment ago; left it alone");
        assertThat(database.sql("SELECT status FROM batch_job_execution").query(String.class).list())
            .containsExactly("FAILED");
        assertThat(sandbox.batches()).hasSize(1);
    }

    @Test
    void aFailedJobClaimedByANodeThatStoppedHeartbeatingIsRestarted(CapturedOutput output) {
        // given: a node on another host claimed the failed job, then fell silent a minute ago
        failAtTheSecondBatch();
        database.sql("INSERT INTO bc_lease (job_instance_id, owner, heartbeat_at) VALUES (1, '4242@node-b', ?)")
            .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))))
            .update();

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("Restarting job 1 of big.csv from its last checkpoint");
        assertThat(sandbox.createdToNumbers()).hasSize(1500).doesNotHaveDuplicates();
        assertThat(database.sql("SELECT COUNT(*) FROM bc_lease").query(Long.class).single()).isZero();
    }

    @Test
    void aFailedJobClaimedByALiveNodeOnAnotherHostIsLeftAlone(CapturedOutput output) {
        // given: a node on another host claimed the failed job and renewed its lease just now
        failAtTheSecondBatch();
        database.sql("INSERT INTO bc_lease (job_instance_id, owner, heartbeat_at) VALUES (1, '4242@node-b', ?)")
            .param(Timestamp.from(Instant.now()))
            .update();

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).as("the file is the other node's work").isZero();
        assertThat(output.getErr()).contains("INFO  big.csv: another process started its job a moment ago; left it alone");
        assertThat(sandbox.batches()).hasSize(1);
    }

    @Test
    void aJobLeftByAGoneNodeThatCannotBeTakenOverFailsTheRun(CapturedOutput output) {
        // given: a node on another host fell silent a minute ago in the middle of a job whose step
        // Spring Batch cannot tell the state of, so it will not restart it
        failAtTheSecondBatch();
        database.sql("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL").update();
        database.sql("UPDATE batch_step_execution SET status = 'UNKNOWN' WHERE step_name = 'submit'").update();
        database.sql("INSERT INTO bc_lease (job_instance_id, owner, heartbeat_at) VALUES (1, '4242@node-b', ?)")
            .param(Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))))
            .update();

        // when
        int exitCode = workspace.run("run");

        // then: nobody works on the file, and the run says so
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).containsPattern(
                "ERROR big.csv: job 1 was left running by a process that is gone, and could not be taken over: Cannot restart step \\[submit] from UNKNOWN status");
        assertThat(sandbox.batches()).hasSize(1);
    }

    @Test
    void twoNodesReservingTheSameNumberAtOnceDialItNoMoreThanThePolicyAllows() throws Exception {
        // given: one dial a day, and another node reserving a dial of the first number for a batch of
        // its own, its transaction still open
        workspace.with("--bulkcall.contact-policy.max-dials=1");
        assertThat(workspace.run("status")).isZero();
        workspace.drop("numbers.csv", CsvFiles.numbers(3));
        int exitCode;
        try (OtherNode other = new OtherNode(postgres)) {
            other.update("UPDATE bc_contact_lock SET reservations = reservations + 1 WHERE id = 1");
            other.update("""
                    INSERT INTO bc_contact_dial (to_number, dialed_at, job_instance_id, batch_no, retry)
                    VALUES (?, ?, 99, 1, 0)""", CsvFiles.usNumber(0), Timestamp.from(Instant.now()));

            // when: this node reserves the same number for its batch, waits for the other's lock, then sees its dial
            exitCode = runWhileTheOtherNodeCommits(other, "run");
        }

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.createdToNumbers()).containsExactlyInAnyOrder(CsvFiles.usNumber(1), CsvFiles.usNumber(2));
        assertThat(CsvFiles.records(workspace.reports(1, "numbers").resolve("results.csv")))
            .filteredOn(row -> row.get("to_number").equals(CsvFiles.usNumber(0)))
            .singleElement()
            .satisfies(row -> {
                assertThat(row.get("status")).isEqualTo("not_dialed");
                assertThat(row.get("error_message")).startsWith("contact limit: dialed 1 time since ")
                    .contains("(last by job 99)");
            });
    }

    /** Runs big.csv: its first batch is created, its second create fails for good. */
    private void failAtTheSecondBatch() {
        workspace.drop("big.csv", CsvFiles.numbers(1500));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.INTERNAL_ERROR, 1);
        assertThat(workspace.run("run", "--bulkcall.cartesia.max-attempts=1")).isEqualTo(1);
        assertThat(sandbox.batches()).hasSize(1);
    }

    /** Runs bulkcall; once it waits for a lock the other node holds, the other node commits. */
    private int runWhileTheOtherNodeCommits(OtherNode other, String... command) throws Exception {
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> workspace.run(command));
        await().atMost(RUN_TIMEOUT).until(() -> run.isDone() || database.sql("""
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'""").query(Long.class).single() > 0);
        other.commit();
        return run.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Another node's connection, in a transaction the test commits. */
    private static final class OtherNode implements AutoCloseable {

        private final Connection connection;

        OtherNode(PostgresDatabase postgres) throws SQLException {
            connection = DriverManager.getConnection(postgres.url(), postgres.username(), postgres.password());
            connection.setAutoCommit(false);
        }

        void update(String sql, Object... parameters) throws SQLException {
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            }
        }

        void commit() throws SQLException {
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
