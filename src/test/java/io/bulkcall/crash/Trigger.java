package io.bulkcall.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;

/**
 * A moment of a bulkcall run at which a test acts on the process (kills it, signals it): when the
 * sandbox has applied a given request, or when a line shows up in the process's log. Arming one
 * returns a handle that disarms it.
 */
sealed interface Trigger {

    /** Arranges for {@code action} to run at this moment of the run that is starting now. */
    Armed arm(SandboxServer sandbox, Path log, Runnable action);

    /** An armed trigger; closing it disarms it. */
    interface Armed extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * The {@code ordinal}-th request to an endpoint, once the sandbox applied it.
     *
     * @param afterAnswer {@code null} to act before the answer is written, so the process does not
     *        know yet what Cartesia did; otherwise the answer goes out and the action follows this much later
     */
    record OnRequest(SandboxEndpoint endpoint, long ordinal, Duration afterAnswer) implements Trigger {

        @Override
        public Armed arm(SandboxServer sandbox, Path log, Runnable action) {
            sandbox.whenApplied((applied, nth) -> {
                if (applied != endpoint || nth != ordinal) {
                    return;
                }
                if (afterAnswer == null) {
                    action.run();
                }
                else {
                    CompletableFuture.runAsync(action,
                            CompletableFuture.delayedExecutor(afterAnswer.toNanos(), TimeUnit.NANOSECONDS));
                }
            });
            return () -> sandbox.whenApplied((applied, nth) -> {
            });
        }
    }

    /** A line matching {@code line} in the log file, then {@code delay}. */
    record OnLogLine(Pattern line, Duration delay) implements Trigger {

        private static final long LOOK_EVERY_MILLIS = 5;

        @Override
        public Armed arm(SandboxServer sandbox, Path log, Runnable action) {
            ExecutorService watcher = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "act-on-log-line");
                thread.setDaemon(true);
                return thread;
            });
            watcher.execute(() -> {
                try {
                    while (!line.matcher(read(log)).find()) {
                        Thread.sleep(LOOK_EVERY_MILLIS);
                    }
                    Thread.sleep(delay.toMillis());
                    action.run();
                }
                catch (InterruptedException disarmed) {
                    Thread.currentThread().interrupt();
                }
            });
            return watcher::shutdownNow;
        }

        private static String read(Path log) {
            try {
                return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
