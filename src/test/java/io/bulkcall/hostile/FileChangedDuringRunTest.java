package io.bulkcall.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.bulkcall.hostile.HostileInputTest.assertNoStackTrace;
import static io.bulkcall.hostile.HostileInputTest.errorLines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input files that change under a running bulkcall: cut short while the validate step reads them,
 * or deleted after the folder scan took them. {@link FileChangeDuringValidation} makes the change
 * at an exact row, so each case happens the same way every time.
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
}
