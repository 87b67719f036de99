package io.bulkcall.job.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.samskivert.mustache.MustacheException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A report file is replaced whole, or left as it was: never half-written, never a {@code .part} left beside it. */
class ReplacedFileTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheFileWithWhatIsWrittenCreatingItsFolder() throws IOException {
        // given
        Path target = folder.resolve("1-sample/summary.json");
        ReplacedFile.write(target, out -> out.write("before\n"));

        // when
        ReplacedFile.write(target, out -> out.write("after\n"));

        // then
        assertThat(target).hasContent("after");
        assertThat(filesIn(target.getParent())).containsExactly("summary.json");
    }

    @Test
    void aWriteTheFileSystemRefusesPartWayLeavesTheFileAsItWasAndNothingBesideIt() throws IOException {
        // given
        Path target = folder.resolve("report.html");
        Files.writeString(target, "the last page");

        // when
        assertThatThrownBy(() -> ReplacedFile.write(target, out -> {
            out.write("<!doctype html>");
            out.flush();
            throw new IOException("No space left on device");
        }))

            // then
            .isInstanceOf(UncheckedIOException.class)
            .hasMessage("cannot write " + target + ": No space left on device");
        assertThat(target).hasContent("the last page");
        assertThat(filesIn(folder)).containsExactly("report.html");
    }

    @Test
    void aWriteTheFileSystemRefusesUnderATemplateEngineIsNamedInTheFileSystemsWords() {
        // given
        Path target = folder.resolve("report.html");

        // when
        assertThatThrownBy(() -> ReplacedFile.write(target, out -> {
            throw new MustacheException(new IOException("No space left on device"));
        }))

            // then
            .isInstanceOf(UncheckedIOException.class)
            .hasMessage("cannot write " + target + ": No space left on device");
    }

    @Test
    void aContentThatFailsLeavesNothingBesideTheFile() throws IOException {
        // given
        Path target = folder.resolve("report.html");

        // when
        assertThatThrownBy(() -> ReplacedFile.write(target, out -> {
            out.write("<!doctype html>");
            throw new IllegalStateException("no such section in the template");
        }))

            // then
            .isInstanceOf(IllegalStateException.class);
        assertThat(filesIn(folder)).isEmpty();
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
