package io.bulkcall.hostile;

import java.nio.file.Path;

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
 * {@code bulkcall validate} over several files, one of them unusable: that one gets its line and
 * exit code 3, and the files after it are still validated.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class ValidateHostileFilesTest {

    @Test
    void anUnusableFileIsReportedAndTheNextFilesAreStillValidated(Workspace workspace, CapturedOutput output) {
        // given
        Path empty = workspace.drop("empty.csv", "");
        Path good = workspace.drop("good.csv", CsvFiles.numbers(3));

        // when
        int exitCode = workspace.run("validate", empty.toString(), good.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(errorLines(output)).singleElement().asString().contains("empty.csv: is empty");
        assertThat(output.getErr()).contains("good.csv: 3 rows, 3 valid, 0 rejected");
        assertNoStackTrace(output);
    }
}
