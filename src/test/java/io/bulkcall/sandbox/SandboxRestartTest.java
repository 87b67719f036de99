package io.bulkcall.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.bulkcall.sandbox.SandboxHttp.BATCHES;
import static io.bulkcall.sandbox.SteppedSandbox.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A server on a state folder goes on where the last server on it stopped: the same batches with
 * the same ids, recipients, calls and counters, and the simulation carrying on from there. Calls
 * ring 10 s and last 60 s, on a clock that moves only when told; the folder outlives each server.
 */
class SandboxRestartTest {

    @TempDir
    Path folder;

    private final SimulatedClock clock = new SimulatedClock(SteppedSandbox.START);

    @AutoClose
    private SandboxServer sandbox;

    private SandboxHttp api;

    @Test
    void restartedServerShowsEveryBatchAsItWas() {
        // given
        start(SETTINGS);
        String first = api.create(CreateRequests.sample()).get("id").asString();
        String second = api.create(CreateRequests.withRecipients("second", 6)).get("id").asString();
        clock.advance(Duration.ofSeconds(30));
        JsonNode before = api.get(BATCHES + "/" + second).body();
        JsonNode listBefore = api.get(BATCHES).body();

        // when
        start(SETTINGS);

        // then
        assertThat(api.get(BATCHES + "/" + second).body()).isEqualTo(before);
        assertThat(api.get(BATCHES).body()).isEqualTo(listBefore);
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::id).containsExactly(first, second);
    }

    @Test
    void queuedRecipientsAreDialedAndCallsInFlightEndAfterARestart() {
        // given
        start(SETTINGS);
        String id = batchDialingTwoOf(10);
        List<String> inFlight = callIds(id);

        // when
        start(SETTINGS);
        clock.advance(Duration.ofMinutes(10));

        // then
        JsonNode batch = api.get(BATCHES + "/" + id).body();
        assertThat(batch.get("total_calls_finished").asInt()).isEqualTo(10);
        assertThat(callIds(id)).hasSize(10).containsAll(inFlight);
        assertThat(api.get("/agents/calls/" + inFlight.get(0)).body().get("status").asString()).isEqualTo("completed");
    }

    @Test
    void whatEachRecipientWasCreatedWithSurvivesARestart() {
        // given one batch with metadata, one with dynamic variables
        start(SETTINGS);
        String withMetadata = api.create(CreateRequests.sample()).get("id").asString();
        String withVariables = new SandboxHttp(sandbox, SandboxHttp.DYNAMIC_VARIABLES_VERSION)
                .create(CreateRequests.withDynamicVariables()).get("id").asString();

        // when
        start(SETTINGS);

        // then
        RecipientSnapshot metadata = sandbox.batch(withMetadata).orElseThrow().recipients().get(0);
        RecipientSnapshot variables = sandbox.batch(withVariables).orElseThrow().recipients().get(0);
        assertThat(metadata.metadata()).containsEntry("first_name", "Ada");
        assertThat(metadata.dynamicVariables()).isNull();
        assertThat(variables.dynamicVariables()).containsEntry("first_name", "Ada");
        assertThat(variables.metadata()).isNull();
    }

    @Test
    void retryCountAndAttemptsSurviveARestart() {
        // given every attempt fails, and one retry round ran
        SandboxSettings failing = SETTINGS.with(sandbox -> sandbox.failureRate = 1);
        start(failing);
        String id = api.create(CreateRequests.sample()).get("id").asString();
        clock.advance(Duration.ofMinutes(1));
        api.post(BATCHES + "/" + id + "/retry");
        clock.advance(Duration.ofMinutes(1));

        // when
        start(failing);

        // then
        CallBatchSnapshot batch = sandbox.batch(id).orElseThrow();
        assertThat(batch.retryCount()).isEqualTo(1);
        assertThat(batch.recipients()).allSatisfy(recipient -> assertThat(recipient.attempts()).isEqualTo(2));
    }

    @Test
    void cancellationsSurviveARestart() {
        // given
        start(SETTINGS);
        String id = batchDialingTwoOf(10);
        api.post(BATCHES + "/" + id + "/cancel");
        api.post(BATCHES + "/" + id + "/cancel");

        // when
        start(SETTINGS);
        clock.advance(Duration.ofMinutes(10));

        // then
        CallBatchSnapshot batch = sandbox.batch(id).orElseThrow();
        assertThat(batch.status()).isEqualTo("cancelled");
        assertThat(batch.cancelRequests()).isEqualTo(2);
        assertThat(batch.recipients()).extracting(RecipientSnapshot::status).containsOnly("completed", "cancelled")
                .filteredOn("completed"::equals).hasSize(2);
    }

    @Test
    void changedSettingsApplyFromTheRestartOnAndThePastStaysAsItWas() {
        // given a sandbox where every call succeeds
        start(SETTINGS);
        String id = batchDialingTwoOf(4);

        // when restarted where every call fails
        start(SETTINGS.with(sandbox -> sandbox.failureRate = 1));
        clock.advance(Duration.ofMinutes(10));

        // then
        assertThat(sandbox.batch(id).orElseThrow().recipients()).extracting(RecipientSnapshot::status)
                .containsExactly("completed", "completed", "failed", "failed");
    }

    @Test
    void aChangedWelcomeMessageIsSaidFromTheRunThatChangedItOnAndThePastStaysAsItWasSaid() {
        // given a call answered under the default message, then one under another
        start(SETTINGS);
        String before = answeredBatch("before");
        start(SETTINGS.with(settings -> settings.welcomeMessage = "Good morning."));
        String after = answeredBatch("after");

        // when
        start(SETTINGS);

        // then
        assertThat(firstWordsOfTheCall(before)).startsWith("Hi {{first_name}}, this is a reminder");
        assertThat(firstWordsOfTheCall(after)).isEqualTo("Good morning.");
    }

    @Test
    void twoStateFoldersNeverHandOutTheSameBatchId(@TempDir Path otherFolder) {
        // given
        start(SETTINGS);
        String here = api.create(CreateRequests.sample()).get("id").asString();

        // when
        try (SandboxServer other = new SandboxServer(SETTINGS, clock, otherFolder).start()) {
            String there = new SandboxHttp(other).create(CreateRequests.sample()).get("id").asString();

            // then
            assertThat(there).isNotEqualTo(here);
        }
    }

    @Test
    void aThousandRecipientsWithMetadataSurviveARestart() throws IOException {
        // given a journal line far longer than a read buffer
        start(SETTINGS);
        ObjectNode request = CreateRequests.withRecipients("large", 1000);
        request.get("recipients").forEach(recipient -> ((ObjectNode) recipient).putObject("metadata")
                .put("note", "x".repeat(100)));
        String id = api.create(request).get("id").asString();
        JsonNode before = api.get(BATCHES + "/" + id).body();

        // when
        start(SETTINGS);

        // then
        assertThat(Files.size(journal())).isGreaterThan(128 * 1024);
        assertThat(api.get(BATCHES + "/" + id).body()).isEqualTo(before);
    }

    @Test
    void tornLastLineIsDroppedAndTheJournalGoesOnAfterIt() throws IOException {
        // given a server stopped in the middle of writing a line
        start(SETTINGS);
        String first = api.create(CreateRequests.sample()).get("id").asString();
        sandbox.close();
        Files.writeString(journal(), "{\"type\":\"created\",\"at\":\"2026-03-01T12:0", StandardOpenOption.APPEND);

        // when
        start(SETTINGS);
        String second = api.create(CreateRequests.sample()).get("id").asString();
        start(SETTINGS);

        // then
        assertThat(sandbox.batches()).extracting(CallBatchSnapshot::id).containsExactly(first, second);
    }

    @Test
    void damagedLineBeforeTheLastIsRefusedNamingIt() throws IOException {
        // given
        start(SETTINGS);
        api.create(CreateRequests.sample());
        api.create(CreateRequests.sample());
        sandbox.close();
        List<String> lines = Files.readAllLines(journal());
        lines.set(1, lines.get(1).substring(0, 20));
        Files.write(journal(), lines);

        // when, then
        assertThatIllegalStateException().isThrownBy(() -> new SandboxServer(SETTINGS, clock, folder))
                .withMessageContaining("journal.jsonl line 2 is damaged");
    }

    @Test
    void journalThatReplaysDifferentlyIsRefusedNamingTheLine() throws IOException {
        // given a batch id that the folder's seed does not give
        start(SETTINGS);
        String id = api.create(CreateRequests.sample()).get("id").asString();
        sandbox.close();
        Files.writeString(journal(), Files.readString(journal()).replace(id, "acb_edited"));

        // when, then
        assertThatIllegalStateException().isThrownBy(() -> new SandboxServer(SETTINGS, clock, folder))
                .withMessageContaining("journal.jsonl line 2 cannot be replayed")
                .withMessageContaining("acb_edited");
    }

    @Test
    void journalOfAnotherFormatIsRefused() throws IOException {
        // given a folder written by a sandbox that drew its ids another way
        start(SETTINGS);
        api.create(CreateRequests.sample());
        sandbox.close();
        Files.writeString(journal(), Files.readString(journal())
                .replace("\"format\":" + StateFolder.FORMAT, "\"format\":" + (StateFolder.FORMAT - 1)));

        // when, then
        assertThatIllegalStateException().isThrownBy(() -> new SandboxServer(SETTINGS, clock, folder))
                .withMessageContaining("is not a sandbox journal of format " + StateFolder.FORMAT)
                .withMessageContaining("move the folder away");
    }

    @Test
    void secondServerOnAFolderInUseIsRefused() {
        // given
        start(SETTINGS);

        // when, then
        assertThatIllegalStateException().isThrownBy(() -> new SandboxServer(SETTINGS, clock, folder))
                .withMessageContaining("is in use by another sandbox");
    }

    @Test
    void folderRecordsTheLatestInstantTheServerReached() {
        // given
        start(SETTINGS);
        clock.advance(Duration.ofHours(7));

        // when
        api.get(BATCHES);

        // then
        assertThat(StateFolder.lastInstant(folder)).hasValue(clock.instant());
    }

    /** Closes the server running, if any, and starts a new one on the folder. */
    private void start(SandboxSettings settings) {
        if (sandbox != null) {
            sandbox.close();
        }
        sandbox = new SandboxServer(settings, clock, folder).start();
        api = new SandboxHttp(sandbox);
    }

    /** A batch dialing two recipients at a time, one second after it was created: two calls ringing. */
    private String batchDialingTwoOf(int recipients) {
        String id = api.create(CreateRequests.withRecipients("two at a time", recipients)
                .put("target_concurrency_limit", 2)).get("id").asString();
        clock.advance(Duration.ofSeconds(1));
        return id;
    }

    /** A batch of one recipient whose call was answered and ended. */
    private String answeredBatch(String name) {
        String id = api.create(CreateRequests.withRecipients(name, 1)).get("id").asString();
        clock.advance(Duration.ofMinutes(10));
        return id;
    }

    /** What the agent said first on the call of the batch's first recipient. */
    private String firstWordsOfTheCall(String batchId) {
        String callId = api.get(BATCHES + "/" + batchId).body().at("/recipients/0/agent_call_id").asString();
        return api.get("/agents/calls/" + callId).body().at("/transcript/0/text").asString();
    }

    private List<String> callIds(String batchId) {
        return api.get("/agents/calls?batch_id=" + batchId + "&limit=100").body().get("data").valueStream()
                .map(call -> call.get("id").asString())
                .toList();
    }

    private Path journal() {
        return folder.resolve(StateFolder.JOURNAL);
    }
}
