package io.bulkcall.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.bulkcall.sandbox.RecipientSnapshot;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Workspace;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call details in {@code results.csv} and {@code transcripts.jsonl}: when each recipient's latest
 * call started and ended, how long it lasted and its summary, read with List Calls by batch once
 * the batch's calls have all ended. The sandbox rings 2 s and talks 20 s on every answered call.
 */
@ExtendWith(BulkcallWorkspaces.class)
class CallDetailsTest {

    private static final Duration RING = Duration.ofSeconds(2);

    @RegisterExtension
    static WireMockExtension cartesia = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Workspace workspace;

    @BeforeEach
    void useWorkspace(Workspace workspace) {
        this.workspace = workspace;
    }

    @Test
    void resultsSayWhenTheLatestCallStartedAndEndedHowLongItLastedAndItsSummary() {
        // given: a third of the attempts fail, and one redial round in the same batch
        workspace.with("--bulkcall.redial.rounds=1");
        SandboxServer sandbox = workspace.useSandbox(BulkcallWorkspaces.SANDBOX.with(settings -> settings.failureRate = 0.3));
        workspace.drop("details.csv", CsvFiles.numbers(40));

        // when
        int exitCode = workspace.run("run");

        // then: answered calls have their times, 20 s apart, and a summary; the others have none
        assertThat(exitCode).isZero();
        Map<String, RecipientSnapshot> called = calledRecipients(sandbox);
        List<CSVRecord> results = CsvFiles.records(workspace.reports(1, "details").resolve("results.csv"));
        assertThat(results.get(0).getParser().getHeaderNames()).endsWith("attempts", "time_zone", "started_at",
                "ended_at", "duration_seconds", "summary");
        assertThat(results).filteredOn(row -> row.get("status").equals("completed")).isNotEmpty().allSatisfy(row -> {
            RecipientSnapshot recipient = called.get(row.get("to_number"));
            Instant dialed = recipient.dispatchedAt().get(recipient.dispatchedAt().size() - 1);
            assertThat(Instant.parse(row.get("started_at"))).isEqualTo(dialed.plus(RING));
            assertThat(Instant.parse(row.get("ended_at"))).isEqualTo(dialed.plus(RING).plusSeconds(20));
            assertThat(row.get("duration_seconds")).isEqualTo("20.0");
            assertThat(row.get("summary")).contains("The recipient ");
        });
        assertThat(results).filteredOn(row -> row.get("status").equals("failed"))
            .isNotEmpty()
            .allSatisfy(row -> assertThat(List.of(row.get("started_at"), row.get("ended_at"),
                    row.get("duration_seconds"), row.get("summary"))).containsOnly(""));
    }

    @Test
    void aBatchsCallsAreReadAHundredAPageNeverOneRequestPerCall() {
        // given: 250 recipients in one batch
        workspace.with("--bulkcall.batch.size=250");
        workspace.drop("many.csv", CsvFiles.numbers(250));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(workspace.sandbox().requests(SandboxEndpoint.LIST_CALLS)).isEqualTo(3);
        assertThat(workspace.sandbox().requests(SandboxEndpoint.GET_CALL)).isZero();
        assertThat(CsvFiles.records(workspace.reports(1, "many").resolve("results.csv")))
            .allSatisfy(row -> assertThat(row.get("summary")).isNotEmpty());
    }

    @Test
    void aLatestCallTheListDoesNotShowIsReadWithGetCall() {
        // given: Cartesia's list of a batch's calls comes back empty
        cartesia.stubFor(any(anyUrl()).atPriority(10)
            .willReturn(aResponse().proxiedFrom(workspace.sandbox().baseUrl())));
        cartesia.stubFor(get(urlPathEqualTo("/agents/calls")).atPriority(1)
            .willReturn(okJson("{\"data\":[],\"has_more\":false}")));
        workspace.drop("unlisted.csv", CsvFiles.numbers(3));

        // when
        int exitCode = workspace.run("run", "--bulkcall.cartesia.base-url=" + cartesia.baseUrl());

        // then
        assertThat(exitCode).isZero();
        cartesia.verify(3, getRequestedFor(urlPathMatching("/agents/calls/ac_.*")));
        assertThat(CsvFiles.records(workspace.reports(1, "unlisted").resolve("results.csv")))
            .allSatisfy(row -> assertThat(row.get("duration_seconds")).isEqualTo("20.0"));
    }

    @Test
    void transcriptsAreWrittenOnlyWhenAskedForOneLinePerCallWithItsRow() throws IOException {
        // given: calls that fail half the time, redialed once
        workspace.with("--bulkcall.redial.rounds=1");
        SandboxServer sandbox = workspace.useSandbox(BulkcallWorkspaces.SANDBOX.with(settings -> settings.failureRate = 0.5));
        workspace.drop("quiet.csv", CsvFiles.numbers(10));
        assertThat(workspace.run("run")).isZero();
        workspace.drop("talk.csv", CsvFiles.numbers(20));

        // when
        int exitCode = workspace.run("run", "--bulkcall.results.transcripts=true");

        // then: every call placed for talk.csv has its line, answered ones with what was said
        assertThat(exitCode).isZero();
        assertThat(workspace.reports(1, "quiet").resolve("transcripts.jsonl")).doesNotExist();
        Path talk = workspace.reports(2, "talk");
        assertThat(talk.resolve(".transcripts")).doesNotExist();
        Map<String, CSVRecord> rows = CsvFiles.records(talk.resolve("results.csv"))
            .stream()
            .collect(Collectors.toMap(row -> row.get("to_number"), Function.identity()));
        List<JsonNode> calls = Files.readAllLines(talk.resolve("transcripts.jsonl"))
            .stream()
            .map(line -> JsonMapper.shared().readTree(line))
            .toList();
        int callsPlaced = sandbox.batches()
            .stream()
            .filter(batch -> batch.name().contains("talk"))
            .flatMap(batch -> batch.recipients().stream())
            .mapToInt(RecipientSnapshot::callsPlaced)
            .sum();
        assertThat(calls).hasSize(callsPlaced).allSatisfy(call -> {
            CSVRecord row = rows.get(call.get("to_number").asString());
            assertThat(call.get("line").asString()).isEqualTo(row.get("line"));
            assertThat(call.get("call_id").asString()).startsWith("ac_");
        });
        assertThat(calls).filteredOn(call -> !call.get("turns").isEmpty())
            .isNotEmpty()
            .allSatisfy(call -> assertThat(call.get("turns").get(0).get("text").asString()).isNotBlank());
        assertThat(calls).extracting(call -> call.get("call_id").asString())
            .doesNotHaveDuplicates()
            .containsAll(rows.values().stream().map(row -> row.get("agent_call_id")).filter(id -> !id.isEmpty()).toList());
    }

    @ParameterizedTest(name = "Cartesia-Version {0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "2026-08-14|Hi Ada, this is a reminder of your appointment on Monday at 9:30.",
            "2026-03-01|Hi {{first_name}}, this is a reminder of your appointment on {{appointment_date}}." })
    void theSamplesTranscriptsGreetEachPersonByNameOnlyWhereTheColumnsAreTheAgentsVariables(String version,
            String greeting) throws IOException {
        // given: the README's sample, and the sandbox's agent with its default welcome message
        workspace.dropFixture("/sample/sample.csv", "sample.csv");

        // when
        int exitCode = workspace.run("run", "--bulkcall.cartesia.version=" + version, "--bulkcall.results.transcripts=true",
                "--bulkcall.calling-window.enabled=false");

        // then: Ada's first call opens with the welcome message, filled or not
        assertThat(exitCode).isZero();
        List<JsonNode> calls = Files.readAllLines(workspace.reports(1, "sample").resolve("transcripts.jsonl"))
            .stream()
            .map(line -> JsonMapper.shared().readTree(line))
            .toList();
        assertThat(calls).filteredOn(call -> call.get("line").asLong() == 2).first()
            .satisfies(call -> assertThat(call.get("turns").get(0).get("text").asString()).isEqualTo(greeting));
    }

    private static Map<String, RecipientSnapshot> calledRecipients(SandboxServer sandbox) {
        return sandbox.batches()
            .stream()
            .flatMap(batch -> batch.recipients().stream())
            .collect(Collectors.toMap(RecipientSnapshot::toNumber, Function.identity(), (first, later) -> later));
    }
}
