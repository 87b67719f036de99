package io.bulkcall.job.instance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A report file written whole or not at all: into {@code <name>.part} beside it, then moved over it.
 * Whoever reads the folder (a person, a script that collects reports) never sees a file half-written,
 * and a write that fails (a full disk) leaves the file as it was and nothing beside it.
 */
public final class ReplacedFile {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {

        void writeTo(BufferedWriter out) throws IOException;
    }

    private ReplacedFile() {
    }

    /**
     * Writes {@code target} anew, in UTF-8, creating its folder if need be.
     *
     * @throws UncheckedIOException naming the file, with what the file system said
     */
    public static void write(Path target, Content content) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw withoutPart(partial, cannotWrite(target, e));
        }
        catch (RuntimeException e) {
            // a template engine writes through the writer, and hands its IOException on wrapped in its own
            throw withoutPart(partial, e.getCause() instanceof IOException refused ? cannotWrite(target, refused) : e);
        }
    }

    private static UncheckedIOException cannotWrite(Path target, IOException refused) {
        return new UncheckedIOException("cannot write " + target + ": " + refused.getMessage(), refused);
    }

    private static RuntimeException withoutPart(Path partial, RuntimeException failure) {
        try {
            Files.deleteIfExists(partial);
        }
        catch (IOException notDeleted) {
            failure.addSuppressed(notDeleted);
        }
        return failure;
    }
}
