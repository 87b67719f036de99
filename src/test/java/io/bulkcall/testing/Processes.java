package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The {@code java} and the jar the tests and benchmarks start bulkcall with, and the wait for any
 * process they start: bulkcall, the bare pass, promtool.
 */
public final class Processes {

    /** bulkcall as {@code ./mvnw package} builds it. */
    public static final Path PACKAGED_JAR = Path.of("target/bulkcall.jar").toAbsolutePath();

    /** The {@code java} of the JDK that runs the tests. */
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Processes() {
    }

    /**
     * Waits for the process to end. One still running when the timeout is up is killed, and fails the
     * caller with what it wrote.
     *
     * @param what the command, as the failure names it
     * @param output the file the process writes to, read into the failure
     * @return its exit code
     */
    public static int awaitExit(Process process, Duration timeout, String what, Path output) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(what + " did not end within " + timeout + "; it wrote:\n" + Files.readString(output));
            }
            return process.exitValue();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
