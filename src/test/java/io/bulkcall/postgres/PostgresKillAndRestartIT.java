package io.bulkcall.postgres;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.PostgresDatabase;
import io.bulkcall.testing.PostgresDatabases;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.bulkcall.postgres.NodeCluster.RUN_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulkcall process killed (SIGKILL) in the middle of its submit step, on PostgreSQL, on what the
 * job database says of it: a node on another host leaves its job alone while its lease is fresh, and
 * recovers it once the lease expired, every number sent to Cartesia exactly once. (A kill recovered by
 * nodes in other time zones: {@link TwoNodesIT}.)
 */
@ExtendWith({ BulkcallWorkspaces.class, PostgresDatabases.class })
@OnSystemClock
class PostgresKillAndRestartIT {

    private static final int ROWS = 2_000;

    private SandboxServer sandbox;
    private NodeCluster cluster;
    private JdbcClient database;

    @BeforeEach
    void startCluster(Workspace workspace, PostgresDatabase postgres) {
        sandbox = workspace.sandbox();
        cluster = new NodeCluster(workspace.root(), sandbox, postgres);
        database = postgres.jdbc();
    }

    @Test
    void aJobOfANodeOnAnotherHostIsLeftAloneWhileItsLeaseIsFreshAndRecoveredOnceItExpired() {
        // given: a node on another host was killed mid-submit, and its lease says it was alive just now
        cluster.drop("numbers.csv", CsvFiles.numbers(ROWS));
        cluster.runKilledAtCreate(cluster.node("node-a"), 3);
        setLease("4242@node-a.example", Instant.now());

        // when: a node nine hours ahead runs while the lease is fresh, one five hours behind once it expired
        Handle whileFresh = cluster.node("node-b").withEnvironment(Map.of("TZ", "Asia/Tokyo")).run(RUN_TIMEOUT, "run");
        setLease("4242@node-a.example", Instant.now().minus(Duration.ofMinutes(1)));
        Handle onceExpired = cluster.node("node-c")
            .withEnvironment(Map.of("TZ", "America/New_York"))
            .run(RUN_TIMEOUT, "run");

        // then
        assertThat(whileFresh.exitCode()).as("the job is the other node's work").isZero();
        assertThat(whileFresh.err())
            .contains("INFO  numbers.csv: job 1 is running in another process (4242@node-a.example); left it alone");
        assertThat(onceExpired.exitCode()).isZero();
        assertThat(onceExpired.err()).contains("Job 1 of numbers.csv was left running by a process that is gone",
                "numbers.csv: job 2 completed");
        assertThat(sandbox.createdToNumbers()).hasSize(ROWS).doesNotHaveDuplicates();
    }

    private void setLease(String owner, Instant heartbeat) {
        assertThat(database.sql("UPDATE bc_lease SET owner = ?, heartbeat_at = ?")
            .params(owner, Timestamp.from(heartbeat))
            .update()).isEqualTo(1);
    }
}
