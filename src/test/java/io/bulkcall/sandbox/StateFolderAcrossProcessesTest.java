package io.bulkcall.sandbox;

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

import io.bulkcall.testing.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A sandbox in a process of its own, as the {@code sandbox} profile runs it, on a state folder:
 * killed (SIGKILL) while a client creates batches one after another, it loses none that the client
 * got an answer for; running, it keeps the folder to itself.
 */
class StateFolderAcrossProcessesTest {

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

    @TempDir
    Path folder;

    @TempDir
    Path logs;

    private Process standalone;

    private SandboxHttp api;

    @BeforeEach
    void startTheSandboxInAProcessOfItsOwn() throws IOException {
        Path output = logs.resolve("standalone.out");
        standalone = new ProcessBuilder(Processes.JAVA,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Standalone.class.getName(), folder.toString())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        api = new SandboxHttp(await().atMost(Duration.ofSeconds(20)).until(() -> baseUrlIn(output),
                baseUrl -> baseUrl != null), SandboxHttp.METADATA_VERSION);
    }

    @AfterEach
    void killTheSandbox() throws InterruptedException {
        standalone.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void everyBatchAnsweredBeforeAKillIsThereAfterIt() throws Exception {
        // given
        List<String> answered = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> client = CompletableFuture.runAsync(() -> createUntilRefused(answered));

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

    @Test
    void folderOfASandboxRunningInAnotherProcessIsRefused() {
        // given a batch created, so the sandbox has read and written its folder
        api.create(CreateRequests.sample());

        // when, then
        assertThatIllegalStateException()
                .isThrownBy(() -> new SandboxServer(SandboxSettings.defaults(), Clock.systemUTC(), folder))
                .withMessageContaining("is in use by another sandbox");
    }

    /** The base URL the standalone sandbox printed, {@code null} until it did. */
    private static String baseUrlIn(Path output) throws IOException {
        return Files.readAllLines(output).stream()
                .filter(line -> line.startsWith(BASE_URL))
                .map(line -> line.substring(BASE_URL.length()))
                .findFirst()
                .orElse(null);
    }

    private void createUntilRefused(List<String> answered) {
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
