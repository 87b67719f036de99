package io.bulkcall.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import io.bulkcall.job.instance.InputFile;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.bulkcall.hostile.HostileInputTest.assertNoStackTrace;
import static io.bulkcall.hostile.HostileInputTest.errorLines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input files that change under a running bulkcall: cut short while the validate step reads them,
 * deleted after the folder scan took them, written over by the next export while their job runs or
 * before it is restarted, or taken away before a restart. {@link FileChangeDuringValidation} makes a
 * change at an exact row, so each case happens the same way every time.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class FileChangedDuringRunTest {

    private static final String HOOK = "--spring.main.sources=" + FileChangeDuringValidation.class.getName();

    @Test
    void aFileTruncatedWhileItIsValidatedIsRejectedAndNobodyIsDialed(Workspace workspace, CapturedOutput output)
            throws IOException {
        // given: 10,000 rows; while the first chunk is screened, the file is cut to 100,000 bytes
        Path file = workspace.drop("shrinking.csv", CsvFiles.numbers(10_000));
        long size = Files.size(file);

        // when
        int exitCode = workspace.run("run", HOOK, "--hostile.on-line=10", "--hostile.truncate=" + file,
                "--hostile.truncate-to=100000");

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(errorLines(output)).singleElement()
            .asString()
            .contains("shrinking.csv was not dialed: shrinking.csv: changed while it was being read (" + size
                    + " bytes when opened, 100000 read); process it again once it is complete")
            .endsWith("moved it to " + workspace.input().resolve("failed/shrinking.csv"));
        assertNoStackTrace(output);
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(workspace.input().resolve("failed/shrinking.csv")).exists();
    }

    @Test
    void aFileTakenByAnotherProcessAfterTheScanIsSkippedAndNothingOfItIsDialed(Workspace workspace,
            CapturedOutput output) throws IOException {
        // given: the scan takes both files, oldest first; while the first one is validated, the second is deleted
        Path first = workspace.drop("first.csv", CsvFiles.numbers(20));
        Files.setLastModifiedTime(first, FileTime.from(Instant.now().minusSeconds(60)));
        Path second = workspace.drop("second.csv", "to_number\n" + CsvFiles.usNumber(100) + "\n");

        // when
        int exitCode = workspace.run("run", HOOK, "--hostile.on-line=2", "--hostile.delete=" + second);

        // then: with nodes sharing the folder this is routine, not an error
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("second.csv: no longer in the input folder (taken by another process?); skipped");
        assertThat(errorLines(output)).isEmpty();
        assertNoStackTrace(output);
        assertThat(workspace.sandbox().createdToNumbers()).hasSize(20).doesNotContain(CsvFiles.usNumber(100));
    }

    @Test
    void aFileWrittenOverWhileItsJobRunsIsLeftForTheNextRunWhichDialsItAsANewJob(Workspace workspace,
            CapturedOutput output) throws IOException {
        // given: tonight's export written over yesterday's file as yesterday's job creates its batch
        Path file = workspace.drop("contacts.csv", CsvFiles.numbers(0, 20));
        String tonight = CsvFiles.numbers(20, 5);
        SandboxServer sandbox = workspace.sandbox();
        sandbox.whenApplied((endpoint, ordinal) -> {
            if (endpoint == SandboxEndpoint.CREATE_BATCH && ordinal == 1) {
                writeString(file, tonight);
            }
        });

        // when
        int exitCode = workspace.run("run");

        // then: yesterday's job is done, and tonight's file is still there, not moved as if it were yesterday's
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).containsPattern("contacts.csv: job 1 completed; results in \\S+; left "
                + Pattern.quote(file.toAbsolutePath() + " where it is: it has changed since the job began, and the next "
                        + "run takes it as a new job"));
        assertThat(file).hasContent(tonight);
        assertThat(workspace.input().resolve("processed/contacts.csv")).doesNotExist();

        // and when
        int nextExitCode = workspace.run("run");

        // then
        assertThat(nextExitCode).isZero();
        assertThat(sandbox.createdToNumbers()).hasSize(25).doesNotHaveDuplicates();
        assertThat(workspace.input().resolve("processed/contacts.csv")).hasContent(tonight);
    }

    @Test
    void aRestartOfAValidationThatFailedMidFileReadsNoneOfTheFileWrittenOverItAndThatFileIsANewJob(
            Workspace workspace, CapturedOutput output) {
        // given: a validation that failed on line 20 as the job database refused its row, then another
        // export written over the file before the job is restarted
        assertThat(workspace.run("status")).isZero();
        JdbcClient database = JdbcClient.create(workspace.jobDatabase());
        database.sql("ALTER TABLE bc_recipient ADD CONSTRAINT planned_failure CHECK (line <> 20)").update();
        Path file = workspace.drop("contacts.csv", CsvFiles.numbers(0, 30));
        assertThat(workspace.run("run", "--bulkcall.batch.size=10")).isEqualTo(1);
        database.sql("ALTER TABLE bc_recipient DROP CONSTRAINT planned_failure").update();
        writeString(file, CsvFiles.numbers(100, 30));

        // when
        int exitCode = workspace.run("restart", "1");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("contacts.csv: job 2 failed: " + file.toAbsolutePath()
                + " is no longer the file its job began with (its content has changed)", "resume with: bulkcall restart 2");
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();

        // and when
        int nextExitCode = workspace.run("run");

        // then: the new file's numbers, each once, and none of the old job's
        assertThat(nextExitCode).isZero();
        assertThat(workspace.sandbox().createdToNumbers()).hasSize(30).doesNotHaveDuplicates()
            .doesNotContainAnyElementsOf(CsvFiles.usNumbers(30));
    }

    @Test
    void aFileTakenAwayOnceItsJobValidatedItIsNotNeededByTheRestart(Workspace workspace, CapturedOutput output)
            throws IOException {
        // given: a job that stopped after it validated its file, waiting for the hour its batch dials
        // from, and the file then taken out of the input folder
        workspace.with("--bulkcall.batch.scheduled-at=" + BulkcallWorkspaces.START.plus(Duration.ofMinutes(1)));
        Path file = workspace.drop("contacts.csv", CsvFiles.numbers(10));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=0s")).isEqualTo(1);
        Files.delete(file);

        // when
        int exitCode = workspace.run("restart", "1");

        // then: the job goes on from the recipients it staged, each dialed once
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("Job 1 of contacts.csv: its input " + file.toAbsolutePath()
                + " is gone; the job goes on with the recipients it staged as it validated the file");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(workspace.sandbox(), 0, CsvFiles.usNumbers(10));
        assertThat(CsvFiles.records(workspace.reports(1, "contacts").resolve("results.csv"))).hasSize(10);
    }

    @Test
    void aFileTakenAwayBeforeItsJobReadItToTheEndIsAskedBackByTheRestart(Workspace workspace, CapturedOutput output)
            throws IOException {
        // given: a validation that failed on line 20 as the job database refused its row, and the file
        // then taken out of the input folder
        assertThat(workspace.run("status")).isZero();
        JdbcClient database = JdbcClient.create(workspace.jobDatabase());
        database.sql("ALTER TABLE bc_recipient ADD CONSTRAINT planned_failure CHECK (line <> 20)").update();
        Path file = workspace.drop("contacts.csv", CsvFiles.numbers(0, 30));
        String sha256 = InputFile.of(file).sha256();
        assertThat(workspace.run("run", "--bulkcall.batch.size=10")).isEqualTo(1);
        database.sql("ALTER TABLE bc_recipient DROP CONSTRAINT planned_failure").update();
        Files.delete(file);

        // when
        int exitCode = workspace.run("restart", "1");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(errorLines(output)).last().asString().endsWith("job 1 cannot restart: its input " + file.toAbsolutePath()
                + " is gone, and the job had not read it to its end; put the file back (sha256 "
                + sha256.substring(0, 12) + "…) to go on with the job");
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
