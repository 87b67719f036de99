package io.bulkcall.job.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.bulkcall.config.BulkcallProperties;

import org.springframework.stereotype.Component;

/**
 * Moves a finished input file out of the way of the next scan: to {@code processed/} once its job
 * completed, to {@code failed/} once validation rejected it. Idempotent, so a restart that moves a
 * file again, or finds it moved already (by itself, or by another node at the same moment), is harmless.
 * A file is moved to {@code processed/} only while it still holds its job's content: one replaced
 * while its job ran is another file, which the next scan takes as a new job.
 */
@Component
public class InputFileArchive {

    private final Path inputDir;

    public InputFileArchive(BulkcallProperties properties) {
        this.inputDir = properties.inputDir();
    }

    /**
     * @return where the file went; empty when the file of that name holds other content now (a new
     *         export written over it while the job waited for its calls), which is left where it is
     */
    public Optional<Path> toProcessed(InputFile file) {
        if (file.replaced()) {
            return Optional.empty();
        }
        return Optional.of(moveTo("processed", file));
    }

    public Path toFailed(InputFile file) {
        return moveTo("failed", file);
    }

    private Path moveTo(String folder, InputFile file) {
        Path into = inputDir.resolve(folder);
        Path target;
        try {
            target = targetIn(into, file);
        }
        catch (UncheckedIOException unreadable) {
            throw cannotMove(file, into, unreadable.getMessage(), unreadable.getCause());
        }
        if (!Files.exists(file.path())) {
            return target;
        }
        try {
            Files.createDirectories(into);
            return Files.move(file.path(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (NoSuchFileException movedMeanwhile) {
            // nodes sharing the input folder: another one finished with the same file a moment ago
            return target;
        }
        catch (AccessDeniedException denied) {
            throw cannotMove(file, target, "permission denied in " + denied.getFile() + " (bulkcall.input-dir)", denied);
        }
        catch (IOException e) {
            throw cannotMove(file, target, e.getMessage(), e);
        }
    }

    private static UncheckedIOException cannotMove(InputFile file, Path target, String why, IOException cause) {
        return new UncheckedIOException("cannot move " + file.path() + " to " + target + ": " + why, cause);
    }

    /**
     * Keeps the name, unless a different file of that name is already there: then the content hash
     * tells the two apart, so no earlier file is overwritten.
     */
    private static Path targetIn(Path folder, InputFile file) {
        Path plain = folder.resolve(file.name());
        if (!Files.exists(plain) || InputFile.of(plain).sha256().equals(file.sha256())) {
            return plain;
        }
        return folder.resolve(file.stem() + "-" + file.sha256().substring(0, 8) + extension(file.name()));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}
