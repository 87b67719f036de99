package io.bulkcall.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * A report that cannot be written fails the job before anything is dialed, in one line that names
 * the file it could not create as well as the system's reason: "No such file or directory" alone
 * does not tell an operator where to look.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class UnusableOutputFolderTest {

    @Test
    void aReportFolderThatIsAFileFailsTheJobNamingTheReportItCouldNotCreate(Workspace workspace, CapturedOutput output)
            throws IOException {
        // given: an output folder that is a file is a bad setting (CommandLineErrorsTest); a job's folder can still be one
        Path outputDir = Files.createDirectories(workspace.root().resolve("output"));
        Path notAFolder = Files.writeString(outputDir.resolve("1-numbers"), "a file where the job's folder should be");
        workspace.drop("numbers.csv", CsvFiles.numbers(5));

        // when
        int exitCode = workspace.run("run", "--bulkcall.output-dir=" + outputDir);

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(errorLines(output)).singleElement()
            .asString()
            .contains("numbers.csv: job 1 failed: ", notAFolder.resolve("rejected.csv").toString());
        assertNoStackTrace(output);
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
    }
}
