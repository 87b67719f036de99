package io.bulkcall.job;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Workspace;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a file's columns become at Cartesia, as the requests that reach it show: under
 * {@code 2026-08-14} each recipient's {@code dynamic_variables}, under {@code 2026-03-01} its
 * {@code metadata}, never both, never a column kept away, never a cell left empty; a refusal of
 * Cartesia's named in the file's own terms; and a job checked again when it is run under other
 * settings than it was validated under. Cartesia is the sandbox behind WireMock, whose journal keeps
 * every request.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class ColumnsSentTest {

    private static final String FILE = """
            to_number,First Name,appointment_date,note,Prénom
            +12125550143,Zoë,Friday at 10,private,Zoë
            +12125550178,Grace,,private,
            """;

    private static final String LATER = "--bulkcall.cartesia.version=2026-08-14";

    @RegisterExtension
    static WireMockExtension cartesia = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Workspace workspace;

    @BeforeEach
    void cartesiaIsTheSandboxBehindWireMock(Workspace workspace) {
        this.workspace = workspace.with("--bulkcall.cartesia.base-url=" + cartesia.baseUrl(),
                "--bulkcall.columns.not-sent=NOTE");
        cartesia.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(workspace.sandbox().baseUrl())));
    }

    @Test
    void underTheLaterVersionEachRowsCellsAreItsDynamicVariablesUnderNamesCartesiaTakes(CapturedOutput output) {
        // given
        workspace.drop("people.csv", FILE);

        // when
        int exitCode = workspace.run("run", LATER);

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("people.csv: columns sent as dynamic_variables: First_Name, appointment_date, Prenom; "
                + "renamed: First Name → First_Name, Prénom → Prenom; not sent: note");
        cartesia.verify(1, postRequestedFor(urlPathEqualTo("/agents/calls/batches"))
            .withHeader("Cartesia-Version", equalTo("2026-08-14"))
            .withRequestBody(equalToJson("""
                    {"recipients": [
                      {"to_number": "+12125550143",
                       "dynamic_variables": {"First_Name": "Zoë", "appointment_date": "Friday at 10", "Prenom": "Zoë"}},
                      {"to_number": "+12125550178", "dynamic_variables": {"First_Name": "Grace"}}]}""", false, true))
            .withRequestBody(notContaining("metadata")));
    }

    @Test
    void underTheEarlierVersionTheSameCellsAreMetadataUnderTheirHeaders() {
        // given
        workspace.drop("people.csv", FILE);

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        cartesia.verify(1, postRequestedFor(urlPathEqualTo("/agents/calls/batches"))
            .withHeader("Cartesia-Version", equalTo("2026-03-01"))
            .withRequestBody(equalToJson("""
                    {"recipients": [
                      {"to_number": "+12125550143",
                       "metadata": {"First Name": "Zoë", "appointment_date": "Friday at 10", "Prénom": "Zoë"}},
                      {"to_number": "+12125550178", "metadata": {"First Name": "Grace"}}]}""", false, true))
            .withRequestBody(notContaining("dynamic_variables")));
    }

    @Test
    void variablesOf16384BytesOfJsonAreSentAndCartesiaTakesThemWhileOf16385TheRowIsRejectedWithTheirSize() {
        // given: {"story":"…"} of 16,384 bytes on line 2, 16,385 on line 3
        workspace.drop("long.csv", "to_number,story\n+12125550143," + "x".repeat(16_384 - 12) + "\n+12125550178,"
                + "x".repeat(16_385 - 12) + "\n");

        // when
        int exitCode = workspace.run("run", LATER, "--bulkcall.validation.max-reject-ratio=1");

        // then
        assertThat(exitCode).isZero();
        assertThat(workspace.sandbox().createdToNumbers()).containsExactly("+12125550143");
        assertThat(CsvFiles.records(workspace.reports(1, "long").resolve("rejected.csv")))
            .singleElement()
            .satisfies(row -> {
                assertThat(row.get("line")).isEqualTo("3");
                assertThat(row.get("reason")).isEqualTo("VARIABLES_TOO_LARGE");
                assertThat(row.get("detail")).startsWith("its dynamic_variables would take 16,385 bytes of JSON");
            });
    }

    @Test
    void aColumnKeptAwayReachesNoRequestYetStaysInTheResults() {
        // given
        workspace.drop("people.csv", FILE);

        // when
        int exitCode = workspace.run("run", LATER);

        // then
        assertThat(exitCode).isZero();
        assertThat(cartesia.getAllServeEvents()).extracting(event -> event.getRequest().getBodyAsString())
            .noneMatch(body -> body.contains("private") || body.contains("note"));
        List<CSVRecord> results = CsvFiles.records(workspace.reports(1, "people").resolve("results.csv"));
        assertThat(results).extracting(row -> row.get("note")).containsExactly("private", "private");
    }

    @Test
    void aRefusalOfCartesiasNamingARecipientFailsTheJobNamingTheFilesLineAndColumn(CapturedOutput output) {
        // given: Cartesia refuses the second recipient's First_Name by a rule bulkcall does not know
        cartesia.stubFor(post(urlPathEqualTo("/agents/calls/batches")).atPriority(1).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"error_code": "invalid_request", "title": "Bad Request",
                     "message": "field 'recipients[1].dynamic_variables.First_Name' must not look like a name",
                     "request_id": "7c1e0a6e-3f5b-4d2a-9b8e-2f4c6d8e0a1b"}""")));
        workspace.drop("people.csv", FILE);

        // when
        int exitCode = workspace.run("run", LATER);

        // then: restartable, in the file's own terms, and nothing was created
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("people.csv: job 1 failed: people.csv, line 3, column \"First Name\": "
                + "Create Call Batch \"bulkcall people #1 batch 1 (", "must not look like a name", "resume with: bulkcall restart 1");
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
    }

    @Test
    void aJobValidatedUnderTheEarlierVersionAndRunUnderTheLaterWithAColumnCartesiaWouldRefuseSendsNothing(
            CapturedOutput output) {
        // given: validated under 2026-03-01, where any header is a metadata key, and stopped before
        // its window opened (a Sunday start, max-wait an hour)
        workspace.drop("ids.csv", "to_number,system__id\n+12125550143,A-1\n");
        assertThat(workspace.run("run", "--bulkcall.calling-window.days=MON", "--bulkcall.poll.max-wait=1h")).isEqualTo(1);

        // when: run again under 2026-08-14, which reserves the prefix system__
        int exitCode = workspace.run("run", LATER, "--bulkcall.calling-window.days=MON-SUN");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("ids.csv was validated with its columns sent as metadata (Cartesia-Version "
                + "2026-03-01), and cannot be sent as now set: column \"system__id\" would be the dynamic variable "
                + "system__id, but Cartesia reserves the prefix system__");
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(workspace.input().resolve("ids.csv")).exists();
    }

    @Test
    void aJobRunUnderTheLaterVersionAfterValidationUnderTheEarlierIsCheckedAndThenSendsItsVariables(
            CapturedOutput output) {
        // given: validated under 2026-03-01 and stopped before its window opened
        workspace.drop("people.csv", FILE);
        assertThat(workspace.run("run", "--bulkcall.calling-window.days=MON", "--bulkcall.poll.max-wait=1h")).isEqualTo(1);

        // when
        int exitCode = workspace.run("run", LATER, "--bulkcall.calling-window.days=MON-SUN");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("people.csv: columns sent as dynamic_variables: First_Name, appointment_date, Prenom; "
                + "renamed: First Name → First_Name, Prénom → Prenom; not sent: note from now on (it was validated with its "
                + "columns sent as metadata)");
        List<LoggedRequest> creates = cartesia.findAll(postRequestedFor(urlPathEqualTo("/agents/calls/batches")));
        assertThat(creates).singleElement().satisfies(create -> assertThat(create.getBodyAsString())
            .contains("\"dynamic_variables\":{\"First_Name\":\"Zoë\"").doesNotContain("metadata"));
    }
}
