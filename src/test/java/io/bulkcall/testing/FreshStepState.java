package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.FileSystemUtils;

/**
 * Before each {@link StepTest}, puts its context back as it was when it started, so that Spring's
 * context cache can keep one context per configuration instead of one per test: the job database
 * without a job (Spring Batch's tables emptied by {@link JobRepositoryTestUtils}, bulkcall's
 * {@code bc_*} tables emptied but for the contact policy's lock row, the ids counting from 1 again),
 * no failure planned in it ({@link DatabaseFaults}), the folder without input files or reports, the
 * sandbox without batches, plans or hooks, and the simulated clock at {@link BulkcallWorkspaces#START}.
 * Spring's extension has loaded the context by then, or loads it when asked here.
 */
final class FreshStepState implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        application.getBean(DatabaseFaults.class).forgetPlannedFaults();
        application.getBean(JobRepositoryTestUtils.class).removeJobExecutions();
        emptyBulkcallTables(application.getBean(JdbcTemplate.class));
        BulkcallProperties properties = application.getBean(BulkcallProperties.class);
        emptyFolder(properties.inputDir());
        emptyFolder(properties.outputDir());
        application.getBean(SimulatedClock.class).reset(BulkcallWorkspaces.START);
        application.getBean(SandboxServer.class).reset();
    }

    private static void emptyBulkcallTables(JdbcTemplate jdbc) {
        jdbc.queryForList("""
                SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'BC\\_%' AND TABLE_NAME <> 'BC_CONTACT_LOCK'""",
                String.class)
            .forEach(table -> jdbc.update("DELETE FROM " + table));
        jdbc.update("UPDATE bc_contact_lock SET reservations = 0");
        jdbc.queryForList("""
                SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES
                WHERE SEQUENCE_SCHEMA = 'PUBLIC' AND SEQUENCE_NAME LIKE 'BATCH\\_%'""", String.class)
            .forEach(sequence -> jdbc.execute("ALTER SEQUENCE " + sequence + " RESTART WITH 1"));
    }

    private static void emptyFolder(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
            Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
