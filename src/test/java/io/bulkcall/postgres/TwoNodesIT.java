package io.bulkcall.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.PostgresDatabase;
import io.bulkcall.testing.PostgresDatabases;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.bulkcall.postgres.NodeCluster.RUN_TIMEOUT;
import static io.bulkcall.postgres.NodeCluster.firstToExit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bulkcall nodes, each a process of its own, on one shared input folder and one PostgreSQL
 * database, started a moment apart: exactly one of them runs the file's job, the other leaves it
 * alone, says so in an INFO line and exits 0 (the file is the other node's work), and nobody is called
 * twice. Finding the job of a node killed mid-submit, in time zones other than UTC, one of them recovers
 * it and adopts the batch whose answer was lost. Started together on several files, they share them
 * out, and a healthy night exits 0 on both.
 * <p>
 * The sandbox's clock is held while the nodes start, so the winner's calls cannot end, and its
 * job cannot complete, before the loser has decided, however slowly the machine runs; the test
 * then lets the calls end.
 */
@ExtendWith(PostgresDatabases.class)
class TwoNodesIT {

    private static final int ROWS = 2_000;
    private static final int ROWS_A_FILE = 300;
    private static final String LEFT_ALONE =
            "INFO  numbers.csv: (job \\d+ is running in another process \\(.+\\)|another process started its job a moment ago); left it alone";

    @TempDir
    Path dir;

    private final HeldClock clock = new HeldClock();

    @AutoClose
    private final SandboxServer sandbox = new SandboxServer(BulkcallWorkspaces.SYSTEM_CLOCK_SANDBOX.with(sandbox -> {
        sandbox.ringDuration = Duration.ofMillis(200);
        sandbox.callDuration = Duration.ofMillis(500);
        sandbox.failureRate = 0;
    }), clock).start();

    private NodeCluster cluster;
    private JdbcClient database;

    @BeforeEach
    void startCluster(PostgresDatabase postgres) {
        cluster = new NodeCluster(dir, sandbox, postgres);
        database = postgres.jdbc();
    }

    @ParameterizedTest(name = "the second node starts {0} ms after the first")
    @ValueSource(ints = { 0, 1500 })
    void twoNodesStartedOnOneNewFileRunItsJobOnce(int delayMillis) throws InterruptedException {
        // given
        cluster.drop("numbers.csv", CsvFiles.numbers(ROWS));
        ForkedBulkcall nodeA = cluster.node("node-a");
        ForkedBulkcall nodeB = cluster.node("node-b");

        // when
        Handle first = nodeA.start("run");
        Thread.sleep(delayMillis);
        Race race = decide(first, nodeB.start("run"));

        // then
        assertThat(race.loser().exitCode()).as("exit code of the node that left the job alone").isZero();
        assertThat(race.loser().err()).containsPattern(LEFT_ALONE).doesNotContain("ERROR");
        assertThat(race.winner().waitFor(RUN_TIMEOUT)).as("exit code of the node that ran the job").isZero();
        assertThat(race.winner().err()).contains("numbers.csv: job 1 completed");
        assertThat(sandbox.createdToNumbers()).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(database.sql("SELECT status FROM batch_job_execution").query(String.class).list())
            .containsExactly("COMPLETED");
        assertThat(database.sql("SELECT COUNT(*) FROM bc_lease").query(Long.class).single()).isZero();
        assertThat(cluster.input().resolve("processed/numbers.csv")).exists();
    }

    @Test
    void twoNodesInOtherTimeZonesFindingTheJobOfAKilledNodeRecoverItOnce() {
        // given: node A was killed while Cartesia created its second batch, before it could answer
        cluster.drop("numbers.csv", CsvFiles.numbers(ROWS));
        cluster.runKilledAtCreate(cluster.node("node-a"), 2);
        assertThat(database.sql("SELECT status FROM batch_job_execution").query(String.class).list())
            .containsExactly("STARTED");

        // when: nodes five hours behind and nine hours ahead of the batch's intent, written in UTC
        Race race = decide(cluster.node("node-b").withEnvironment(Map.of("TZ", "America/New_York")).start("run"),
                cluster.node("node-c").withEnvironment(Map.of("TZ", "Asia/Tokyo")).start("run"));

        // then
        assertThat(race.loser().exitCode()).as("exit code of the node that left the job alone").isZero();
        assertThat(race.loser().err()).containsPattern(LEFT_ALONE);
        assertThat(race.winner().waitFor(RUN_TIMEOUT)).as("exit code of the node that recovered the job").isZero();
        assertThat(race.winner().err()).contains("Job 1 of numbers.csv was left running by a process that is gone",
                "was created although its answer was lost; adopted it", "numbers.csv: job 2 completed");
        assertThat(sandbox.createdToNumbers()).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(database.sql("SELECT status FROM batch_job_execution ORDER BY job_execution_id")
            .query(String.class)
            .list()).containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void twoNodesStartedTogetherOnThreeFilesBothExitZeroAndDialEveryNumberOnce() {
        // given: a night's three files, and calls that end as soon as they are dialed
        clock.release();
        for (int file = 0; file < 3; file++) {
            cluster.drop("nodes-" + file + ".csv", CsvFiles.numbers(file * ROWS_A_FILE, ROWS_A_FILE));
        }

        // when
        Handle nodeA = cluster.node("node-a").start("run");
        Handle nodeB = cluster.node("node-b").start("run");

        // then
        assertThat(nodeA.waitFor(RUN_TIMEOUT)).as("exit code of node A").isZero();
        assertThat(nodeB.waitFor(RUN_TIMEOUT)).as("exit code of node B").isZero();
        assertThat(nodeA.err() + nodeB.err()).doesNotContain("ERROR");
        assertThat(sandbox.createdToNumbers()).hasSize(3 * ROWS_A_FILE).doesNotHaveDuplicates();
        assertThat(database.sql("SELECT status FROM batch_job_execution").query(String.class).list())
            .containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
        assertThat(cluster.input().resolve("processed")).isDirectoryContaining("glob:**/nodes-0.csv")
            .isDirectoryContaining("glob:**/nodes-1.csv")
            .isDirectoryContaining("glob:**/nodes-2.csv");
    }

    /** Waits until one of two nodes has ended, the one that left the job alone, then lets the other's calls end. */
    private Race decide(Handle first, Handle second) {
        Handle loser = firstToExit(first, second);
        clock.release();
        return new Race(loser == first ? second : first, loser);
    }

    /** Two nodes started on one job: the one that ran it and the one that left it alone. */
    private record Race(Handle winner, Handle loser) {
    }
}
