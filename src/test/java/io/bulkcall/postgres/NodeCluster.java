package io.bulkcall.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.PostgresDatabase;

/**
 * bulkcall nodes as a multi-node deployment has them: each a process with a working folder (and
 * log) of its own, all sharing one input folder, one output folder and one PostgreSQL database,
 * which they reach through the {@code postgres} profile's environment variables.
 *
 * @param dir the folder that holds the nodes' working folders and the shared input and output folders
 */
record NodeCluster(Path dir, SandboxServer sandbox, PostgresDatabase postgres) {

    static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    ForkedBulkcall node(String name) {
        return new ForkedBulkcall(dir.resolve(name), sandbox.baseUrl()).withEnvironment(postgres.environment())
            .with("--spring.profiles.active=postgres", "--bulkcall.input-dir=" + input(),
                    "--bulkcall.output-dir=" + dir.resolve("output"), "--bulkcall.batch.size=500");
    }

    Path input() {
        return dir.resolve("input");
    }

    Path drop(String name, String content) {
        try {
            Files.createDirectories(input());
            return Files.writeString(input().resolve(name), content, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code bulkcall run} on the node and kills it (SIGKILL) once the sandbox has applied the
     * {@code nth} Create Call Batch, before the answer is written: that batch exists, and the node
     * never learned so.
     */
    Handle runKilledAtCreate(ForkedBulkcall node, long nth) {
        AtomicBoolean killed = new AtomicBoolean();
        Handle run = node.start("run");
        sandbox.whenApplied((endpoint, ordinal) -> {
            if (endpoint == SandboxEndpoint.CREATE_BATCH && ordinal == nth && killed.compareAndSet(false, true)) {
                run.kill();
            }
        });
        try {
            run.waitFor(RUN_TIMEOUT);
        }
        finally {
            sandbox.whenApplied((endpoint, ordinal) -> {
            });
        }
        if (!killed.get()) {
            throw new AssertionError("the run ended by itself, exit code " + run.exitCode() + "; stderr:\n" + run.err());
        }
        return run;
    }

    /** Waits until one of two runs ends; returns it. */
    static Handle firstToExit(Handle one, Handle other) {
        try {
            CompletableFuture.anyOf(one.process().onExit(), other.process().onExit())
                .get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        catch (TimeoutException e) {
            throw new AssertionError("neither node ended within " + RUN_TIMEOUT + "; stderr:\n" + one.err() + "\n"
                    + other.err(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        catch (ExecutionException e) {
            throw new AssertionError(e);
        }
        return one.process().isAlive() ? other : one;
    }
}
