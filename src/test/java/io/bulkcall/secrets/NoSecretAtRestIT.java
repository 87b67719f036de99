package io.bulkcall.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 5, no secret at rest: bulkcall runs as an operator runs it, a process of its own with
 * the API key only in {@code CARTESIA_API_KEY}, logging everything it can (DEBUG everywhere, TRACE
 * for bulkcall, the HTTP client and Reactor Netty). Whether the run succeeds, fails, is killed or
 * never gets past its settings, the key is afterwards in no file of its working folder: not the H2
 * job repository under {@code data/}, the reports under {@code output/}, the log under
 * {@code logs/}, nor the captured console.
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
    void aRunThatCompletesLeavesTheKeyNowhere() throws IOException {
        // given
        ForkedBulkcall bulkcall = verboseBulkcall(fastSandbox());
        drop("numbers.csv", CsvFiles.numbers(30));

        // when
        Handle run = bulkcall.run(RUN_TIMEOUT, "run");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(KEY_SCAN.findIn(dir)).isEmpty();
        // the scan sees into every kind of file: it finds the batch id in the database, the log and the report
        assertThat(new SecretScan(sandbox.batches().get(0).id()).findIn(dir)).contains("data/bulkcall.mv.db (plain)",
                "logs/bulkcall.log (plain)", "output/1-numbers/results.csv (plain)");
    }

    @Test
    void aRunThatFailsOnServerErrorsLeavesTheKeyNowhere() throws IOException {
        // given: every request answered 500, 503 or 429
        ForkedBulkcall bulkcall = verboseBulkcall(fastSandbox().with(sandbox -> sandbox.faultRate = 1.0))
            .with("--bulkcall.cartesia.max-attempts=2");
        drop("numbers.csv", CsvFiles.numbers(30));

        // when
        Handle run = bulkcall.run(RUN_TIMEOUT, "run");

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(sandbox.injectedErrors()).isPositive();
        assertThat(KEY_SCAN.findIn(dir)).isEmpty();
    }

    @Test
    void aRunKilledWhileItWaitsForCallsLeavesTheKeyNowhere() throws IOException {
        // given: calls that ring for a minute, so the job is polling when it is killed
        ForkedBulkcall bulkcall = verboseBulkcall(fastSandbox().with(sandbox -> {
            sandbox.ringDuration = Duration.ofMinutes(1);
            sandbox.callDuration = Duration.ofMinutes(1);
        }));
        drop("numbers.csv", CsvFiles.numbers(30));
        Handle run = bulkcall.start("run");
        await().atMost(RUN_TIMEOUT).until(() -> sandbox.requests(SandboxEndpoint.LIST_BATCHES) >= 2);

        // when
        run.kill();

        // then
        assertThat(sandbox.batches()).hasSize(1);
        assertThat(KEY_SCAN.findIn(dir)).isEmpty();
    }

    @Test
    void aRunStoppedByABadSettingLeavesTheKeyNowhere() throws IOException {
        // given: a bad value in the settings group that holds the key
        ForkedBulkcall bulkcall = verboseBulkcall(fastSandbox()).with("--bulkcall.cartesia.max-attempts=0");
        drop("numbers.csv", CsvFiles.numbers(30));

        // when
        Handle run = bulkcall.run(RUN_TIMEOUT, "run");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("invalid setting bulkcall.cartesia.max-attempts=0");
        assertThat(KEY_SCAN.findIn(dir)).isEmpty();
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

    private SandboxSettings fastSandbox() {
        return SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 10_000;
            sandbox.ringDuration = Duration.ofMillis(1);
            sandbox.callDuration = Duration.ofMillis(5);
            sandbox.failureRate = 0;
        });
    }

    /** bulkcall with the key in its environment only, logging all it can, against a sandbox of these settings. */
    private ForkedBulkcall verboseBulkcall(SandboxSettings settings) {
        sandbox = new SandboxServer(settings).start();
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
