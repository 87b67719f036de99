package io.bulkcall.csv;

import java.nio.file.Path;

/**
 * An input file that cannot be processed at all: not UTF-8 text, no usable header, a record past
 * the size limits, or a file that vanished or changed while it was read. Unlike a malformed row,
 * which is rejected and read past, this ends the file's processing before anything is dialed.
 *
 * <p>The message names the file (by its name, not its full path) and, where known, the physical
 * line: {@code "people.csv, line 7: ..."} or {@code "people.csv: ..."}.
 */
public class InputFileException extends RuntimeException {

    private final transient Path file;

    private final long line;

    private final String problem;

    /**
     * @param file the file that cannot be processed
     * @param line the 1-based physical line where the problem is, or 0 when it concerns the whole file
     * @param problem what is wrong, in words an operator can act on
     */
    public InputFileException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public InputFileException(Path file, long line, String problem, Throwable cause) {
        super(message(file, line, problem), cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public InputFileException(Path file, String problem) {
        this(file, 0, problem, null);
    }

    public InputFileException(Path file, String problem, Throwable cause) {
        this(file, 0, problem, cause);
    }

    private static String message(Path file, long line, String problem) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return line > 0 ? name + ", line " + line + ": " + problem : name + ": " + problem;
    }

    public Path file() {
        return file;
    }

    /** The 1-based physical line of the problem, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
