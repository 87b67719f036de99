package io.bulkcall.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.zip.ZipInputStream;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CallList;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.bulkcall.sandbox.SandboxEndpoint.CREATE_BATCH;
import static io.bulkcall.sandbox.SandboxEndpoint.RETRY_BATCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once does not trust the job database alone. A run is backed up while it submits, goes on
 * to create more call batches, and is killed; the backup is put back, as an operator restoring last
 * night's copy would. The job database has now forgotten batches that Cartesia holds. The next run
 * finds them by their names, adopts them by their numbers, and creates only what was never created.
 */
@ExtendWith(BulkcallWorkspaces.class)
@OnSystemClock
class LostCommitsIT {

    private static final CallList INPUT = CallList.of(2_000);
    private static final int ROUNDS = 1;
    private static final String[] SETTINGS = { "--bulkcall.batch.size=400", "--bulkcall.redial.rounds=" + ROUNDS };

    @Test
    void batchesTheRestoredDatabaseForgotAreAdoptedNotCreatedAgain(Workspace workspace) throws Exception {
        // given: a backup taken as the 2nd batch is created, and a kill as the 4th is
        workspace.with(SETTINGS);
        SandboxServer sandbox = workspace.sandbox();
        workspace.drop("numbers.csv", INPUT.content());
        Path backup = workspace.root().resolve("backup.zip");
        Handle run = new ForkedBulkcall(workspace).with(SETTINGS).start("run");
        sandbox.whenApplied((endpoint, ordinal) -> {
            if (endpoint == CREATE_BATCH && ordinal == 2) {
                backUp(workspace, backup);
            }
            if (endpoint == CREATE_BATCH && ordinal == 4) {
                run.kill();
            }
        });
        run.process().onExit().get();
        sandbox.whenApplied((endpoint, ordinal) -> {
        });
        assertThat(sandbox.batches()).hasSize(4);

        // when
        restore(workspace, backup);
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(workspace.logText()).contains("was missing from the job database (restored from a backup, or commits lost); adopted it");
        assertThat(workspace.lastJobStatus()).isEqualTo("COMPLETED");
        Path reports = workspace.reports(1, "numbers");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, ROUNDS, INPUT);
        ExactlyOnce.assertEveryRowInExactlyOneReport(reports, INPUT);
        ExactlyOnce.assertEachRetryAppliedOnce(sandbox, reports, sandbox.requests(RETRY_BATCH));
    }

    /** An online backup through H2, joining the running process's database as its guest. */
    private static void backUp(Workspace workspace, Path backup) {
        try (var connection = workspace.jobDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + backup + "'");
        }
        catch (SQLException e) {
            throw new IllegalStateException("backup failed", e);
        }
    }

    private static void restore(Workspace workspace, Path backup) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Files.copy(zip, workspace.root().resolve("data").resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
