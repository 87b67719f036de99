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
    void anOutputFolderThatIsAFileFailsTheJobNamingTheReportItCouldNotCreate(Workspace workspace, CapturedOutput output)
            throws IOException {
        // given
        Path notAFolder = Files.writeString(workspace.root().resolve("output"), "a file where the output folder should be");
        workspace.drop("numbers.csv", CsvFiles.numbers(5));

        // when
        int exitCode = workspace.run("run", "--bulkcall.output-dir=" + notAFolder);

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(errorLines(output)).singleElement()
            .asString()
            .contains("numbers.csv: job 1 failed: ", notAFolder.resolve("1-numbers/rejected.csv").toString());
        assertNoStackTrace(output);
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
    }
}
