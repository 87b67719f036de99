package io.bulkcall.postgres;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.PostgresDatabase;
import io.bulkcall.testing.PostgresDatabases;
import io.bulkcall.testing.TestKeys;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.bulkcall.postgres.NodeCluster.RUN_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret at rest in PostgreSQL: the API key, given to bulkcall only in {@code CARTESIA_API_KEY},
 * is in no row of any table after a run that completed and one that was killed, neither in plain
 * text (job parameters, bulkcall's tables) nor inside the serialized execution contexts.
 */
@ExtendWith({ BulkcallWorkspaces.class, PostgresDatabases.class })
@OnSystemClock
class NoSecretInPostgresIT {

    private SandboxServer sandbox;
    private NodeCluster cluster;
    private JdbcClient database;

    @BeforeEach
    void startCluster(Workspace workspace, PostgresDatabase postgres) {
        sandbox = workspace.useSandbox(BulkcallWorkspaces.SYSTEM_CLOCK_SANDBOX.with(sandbox -> {
            sandbox.ringDuration = Duration.ofMillis(10);
            sandbox.callDuration = Duration.ofMillis(50);
        }));
        cluster = new NodeCluster(workspace.root(), sandbox, postgres);
        database = postgres.jdbc();
    }

    @Test
    void theApiKeyIsInNoRowOfAnyTableAfterACompletedAndAKilledRun() {
        // given
        ForkedBulkcall node = cluster.node("node-a").with("--bulkcall.redial.rounds=1");
        cluster.drop("monday.csv", CsvFiles.numbers(600));
        assertThat(node.run(RUN_TIMEOUT, "run").exitCode()).isZero();
        cluster.drop("tuesday.csv", CsvFiles.numbers(1_200));
        cluster.runKilledAtCreate(node, sandbox.requests(SandboxEndpoint.CREATE_BATCH) + 2);

        // when
        List<String> rows = everyRowAsText();
        List<String> contexts = everyExecutionContextDecoded();

        // then: the search reaches the job parameters and the contexts, and finds no key there
        assertThat(rows).anyMatch(row -> row.contains("tuesday.csv")).noneMatch(row -> row.contains(TestKeys.API_KEY));
        assertThat(contexts).anyMatch(context -> context.contains("numberCheckingReader"))
            .noneMatch(context -> context.contains(TestKeys.API_KEY));
    }

    /** Every row of every table in the database, all columns, as PostgreSQL renders a row in text. */
    private List<String> everyRowAsText() {
        List<String> rows = new ArrayList<>();
        for (String table : database.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""").query(String.class).list()) {
            rows.addAll(database.sql("SELECT t::text FROM " + table + " t").query(String.class).list());
        }
        return rows;
    }

    /** Spring Batch stores execution contexts Base64-encoded: decoded, a key would show in them. */
    private List<String> everyExecutionContextDecoded() {
        return database.sql("""
                SELECT COALESCE(serialized_context, short_context) FROM batch_job_execution_context
                UNION ALL
                SELECT COALESCE(serialized_context, short_context) FROM batch_step_execution_context""")
            .query(String.class)
            .list()
            .stream()
            .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.ISO_8859_1))
            .toList();
    }
}
