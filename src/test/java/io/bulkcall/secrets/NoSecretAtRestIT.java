package io.bulkcall.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.SecretScan;
import io.bulkcall.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 5, no secret at rest: bulkcall runs as an operator runs it, a process of its own with
 * the API key only in {@code CARTESIA_API_KEY}, logging everything it can (DEBUG everywhere, TRACE
 * for bulkcall, the HTTP client and Reactor Netty). One run meets what a night can bring: a file
 * whose job completes, one whose job fails on Cartesia's server errors, and one whose job is killed
 * (SIGKILL) while it waits for calls. Afterwards the key is in no file of its working folder: not the
 * H2 job repository under {@code data/}, the reports under {@code output/}, the log under
 * {@code logs/}, nor the captured console. (A run stopped by a bad setting beside the key, in-process:
 * {@code hostile/HostileSettingsTest}.)
 */
class NoSecretAtRestIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private static final SecretScan KEY_SCAN = new SecretScan(TestKeys.API_KEY);

    @TempDir
    Path dir;

    private SandboxServer sandbox;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aRunWhoseJobsCompleteFailAndAreKilledLeavesTheKeyNowhere() throws IOException {
        // given: Cartesia answers 500 to the second file's create, and bulkcall tries each request once
        ForkedBulkcall bulkcall = verboseBulkcall().with("--bulkcall.cartesia.max-attempts=1");
        drop("a.csv", CsvFiles.numbers(0, 30));
        drop("b.csv", CsvFiles.numbers(30, 30));
        drop("c.csv", CsvFiles.numbers(60, 30));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.INTERNAL_ERROR, 1);

        // when: killed once the third file's batch is created
        Handle run = bulkcall.start("run", "input/a.csv", "input/b.csv", "input/c.csv");
        await().atMost(RUN_TIMEOUT).until(() -> run.err().contains("\"bulkcall c #3 batch 1 ("));
        run.kill();

        // then: the kill met the process still running c.csv (SIGKILL exits 128 + 9)
        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(run.err()).contains("a.csv: job 1 completed", "b.csv: job 2 failed");
        assertThat(KEY_SCAN.findIn(dir)).isEmpty();
        // the scan sees into every kind of file: it finds a batch id in the database, the log and the report
        assertThat(new SecretScan(sandbox.batches().get(0).id()).findIn(dir)).contains("data/bulkcall.mv.db (plain)",
                "logs/bulkcall.log (plain)", "output/1-a/results.csv (plain)");
    }

    @Test
    void theScanFindsTheKeyPlantedAsItIsAndBase64Encoded() throws IOException {
        // given: the key among binary bytes, and base64 inside a longer encoded header (22 bytes before it)
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/planted.mv.db"), withBinaryAround(TestKeys.API_KEY));
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/planted.log"), "headers=[Authorization:\"Basic " + Base64.getEncoder()
            .encodeToString(("Authorization: Bearer " + TestKeys.API_KEY).getBytes(StandardCharsets.US_ASCII)) + "\"]");
        Files.writeString(dir.resolve("clean.log"), "Authorization: Bearer (hidden)");

        // when
        var findings = KEY_SCAN.findIn(dir);

        // then
        assertThat(findings).containsExactly("data/planted.mv.db (plain)", "logs/planted.log (base64+1)");
    }

    /**
     * bulkcall with the key in its environment only, logging all it can, against a sandbox whose calls
     * last a second: still going when a run is killed a moment after it created their batch.
     */
    private ForkedBulkcall verboseBulkcall() {
        sandbox = new SandboxServer(SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 10_000;
            sandbox.ringDuration = Duration.ofMillis(200);
            sandbox.callDuration = Duration.ofMillis(800);
            sandbox.failureRate = 0;
            sandbox.faultRate = 0;
        })).start();
        return new ForkedBulkcall(dir, sandbox.baseUrl()).with("--logging.level.root=DEBUG",
                "--logging.level.io.bulkcall=TRACE", "--logging.level.org.springframework.web.reactive.function.client=TRACE",
                "--logging.level.reactor.netty=TRACE");
    }

    private void drop(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve("input"));
        Files.writeString(dir.resolve("input").resolve(name), content);
    }

    private static byte[] withBinaryAround(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] page = new byte[bytes.length + 64];
        page[0] = (byte) 0xC3;
        System.arraycopy(bytes, 0, page, 32, bytes.length);
        return page;
    }
}
