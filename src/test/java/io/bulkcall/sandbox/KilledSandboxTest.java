package io.bulkcall.sandbox;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox killed (SIGKILL) in its own process while a client creates batches one after another:
 * a new server on its state folder has every batch the client got an answer for, and at most the
 * one more whose answer the kill cut off.
 */
class KilledSandboxTest {

    private static final String BASE_URL = "base-url=";

    /** The sandbox alone in a JVM: prints its base URL, then serves until killed. */
    static final class Standalone {

        public static void main(String[] args) throws InterruptedException {
            SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults(), Clock.systemUTC(), Path.of(args[0]))
                    .start();
            System.out.println(BASE_URL + sandbox.baseUrl());
            Thread.currentThread().join();
        }
    }

    @Test
    void everyBatchAnsweredBeforeTheKillIsThereAfterIt(@TempDir Path folder, @TempDir Path logs) throws Exception {
        // given
        Path output = logs.resolve("standalone.out");
        Process standalone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Standalone.class.getName(), folder.toString())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        SandboxHttp api = new SandboxHttp(await().atMost(Duration.ofSeconds(20)).until(() -> baseUrlIn(output),
                baseUrl -> baseUrl != null));
        List<String> answered = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> client = CompletableFuture.runAsync(() -> createUntilRefused(api, answered));

        // when
        await().atMost(Duration.ofSeconds(20)).until(() -> answered.size() >= 20);
        standalone.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        client.get(10, TimeUnit.SECONDS);

        // then
        try (SandboxServer restarted = new SandboxServer(SandboxSettings.defaults(), Clock.systemUTC(), folder)) {
            List<String> kept = restarted.batches().stream().map(CallBatchSnapshot::id).toList();
            assertThat(kept).containsAll(answered).hasSizeBetween(answered.size(), answered.size() + 1);
        }
    }

    /** The base URL the standalone sandbox printed, {@code null} until it did. */
    private static String baseUrlIn(Path output) throws IOException {
        return Files.readAllLines(output).stream()
                .filter(line -> line.startsWith(BASE_URL))
                .map(line -> line.substring(BASE_URL.length()))
                .findFirst()
                .orElse(null);
    }

    private static void createUntilRefused(SandboxHttp api, List<String> answered) {
        try {
            while (true) {
                answered.add(api.create(CreateRequests.withRecipients("batch " + answered.size(), 50))
                        .get("id").asString());
            }
        }
        catch (UncheckedIOException killed) {
            // The answer to the request in flight died with the server.
        }
    }
}
