package io.bulkcall.metrics;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.bulkcall.sandbox.CallOutcome;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Pushgateway;
import io.bulkcall.testing.Pushgateways;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * bulkcall's metrics as a real Prometheus Pushgateway holds them after a run: the counts of
 * {@code summary.json}, the Cartesia requests, the last success's time stamp, grouped by node; and a run
 * whose push fails ends as its jobs did, saying so in one line.
 */
@ExtendWith({ OutputCaptureExtension.class, Pushgateways.class, BulkcallWorkspaces.class })
class PushedMetricsTest {

    private static final String NODE = "node-a";
    private static final String LAST_SUCCESS = "bulkcall_last_success_timestamp_seconds";

    private final JsonMapper json = JsonMapper.builder().build();
    private Workspace workspace;
    private Pushgateway pushgateway;
    private SandboxServer sandbox;

    @BeforeEach
    void pushTo(Workspace workspace, Pushgateway pushgateway) {
        this.pushgateway = pushgateway;
        this.workspace = workspace.with(pushgateway.settings(NODE));
        sandbox = workspace.sandbox();
    }

    @Test
    void aNightsCountsReachThePushgatewayAsSummaryJsonHasThem() {
        // given: a file with bad rows, a do-not-call number, and calls that fail, one of them redialed
        workspace.dropFixture("/metrics/night.csv", "night.csv");
        Path doNotCall = workspace.fixtureFile("/metrics/do-not-call.txt", "do-not-call.txt");
        sandbox.planOutcomes(CsvFiles.usNumber(0), CallOutcome.DIAL_NO_ANSWER, CallOutcome.ANSWERED);
        sandbox.planOutcomes(CsvFiles.usNumber(1), CallOutcome.DIAL_BUSY, CallOutcome.DIAL_BUSY);
        sandbox.planOutcomes(CsvFiles.usNumber(2), CallOutcome.ANSWERED_CLIENT_HANGUP);
        Instant before = Instant.now();

        // when
        int exitCode = workspace.run("run", "--bulkcall.redial.rounds=1",
                "--bulkcall.validation.do-not-call-file=" + doNotCall);

        // then
        assertThat(exitCode).isZero();
        JsonNode summary = summary(1, "night");
        assertThat(pushgateway.byLabel("bulkcall_jobs_total", "state"))
            .containsEntry("COMPLETED", 1.0).containsEntry("FAILED", 0.0).containsEntry("STOPPED", 0.0)
            .containsEntry("REJECTED", 0.0);
        assertThat(pushgateway.value("bulkcall_rows_total", "outcome", "accepted")).hasValue(summary.get("accepted").asDouble());
        assertThat(rows("rejected")).isEqualTo(Map.of("INVALID_NUMBER", 1.0, "DUPLICATE", 1.0))
            .isEqualTo(counts(summary.get("rejected"), "DO_NOT_CALL"));
        assertThat(rows("suppressed")).isEqualTo(Map.of("DO_NOT_CALL", 1.0)).isEqualTo(counts(summary.get("suppressed")));
        assertThat(pushgateway.byLabel("bulkcall_calls_total", "status")).isEqualTo(counts(summary.get("calls")))
            .containsEntry("failed", 1.0);
        assertThat(pushgateway.byLabel("bulkcall_call_end_reasons_total", "end_reason"))
            .isEqualTo(counts(summary.get("end_reasons")))
            .containsKeys("dial_busy", "client_hangup");
        JsonNode redialed = summary.get("redials").get("by_outcome");
        assertThat(redialed).hasSize(2);
        redialed.forEach(count -> assertThat(pushgateway.value("bulkcall_redials_total", "round",
                count.get("round").asString(), "outcome", count.get("outcome").asString()))
            .hasValue(count.get("recipients").asDouble()));
        assertThat(pushgateway.value("bulkcall_job_duration_seconds_sum", "state", "COMPLETED").getAsDouble())
            .isCloseTo(summary.get("duration_seconds").asDouble(), within(0.001));
        assertThat(pushgateway.value(LAST_SUCCESS, "job", "bulkcall", "instance", NODE).getAsDouble())
            .isBetween(before.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0);
    }

    @Test
    void springBatchsJobAndStepMetricsArePushedAndNoneOfEachItem() {
        // given
        workspace.drop("numbers.csv", CsvFiles.numbers(5));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(pushgateway.value("spring_batch_job_seconds_count", "spring_batch_job_name", "bulkCall",
                "spring_batch_job_status", "COMPLETED")).hasValue(1.0);
        assertThat(pushgateway.byLabel("spring_batch_step_seconds_count", "spring_batch_step_name"))
            .containsKeys("validate", "submit", "await", "report");
        assertThat(pushgateway.samples()).noneMatch(sample -> sample.name().startsWith("spring_batch_item_"));
    }

    @Test
    void cartesiaRequestsAreCountedByOperationAndStatusWithoutABatchIdOrANumberInAnyLabel() {
        // given
        workspace.drop("numbers.csv", CsvFiles.numbers(30));

        // when
        int exitCode = workspace.run("run", "--bulkcall.batch.size=10");

        // then
        assertThat(exitCode).isZero();
        assertThat(pushgateway.value("http_client_requests_seconds_count", "method", "POST", "uri",
                "/agents/calls/batches", "status", "201")).hasValue((double) sandbox.requests(SandboxEndpoint.CREATE_BATCH))
            .hasValue(3.0);
        assertThat(pushgateway.byLabel("http_client_requests_seconds_count", "uri")).containsKey("/agents/calls/batches/{batchId}");
        assertThat(pushgateway.samples()).allSatisfy(sample -> assertThat(sample.labels().values())
            .noneMatch(value -> value.contains("acb_") || value.contains("2122000")));
    }

    @Test
    void aRefusedFileIsCountedAndLeavesTheLastSuccessAsItWas() {
        // given: a night that succeeded
        workspace.drop("numbers.csv", CsvFiles.numbers(5));
        assertThat(workspace.run("run")).isZero();
        double lastSuccess = pushgateway.value(LAST_SUCCESS).getAsDouble();

        // when: a file that validation refuses
        workspace.dropFixture("/metrics/refused.csv", "refused.csv");
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(pushgateway.byLabel("bulkcall_jobs_total", "state")).containsEntry("REJECTED", 1.0)
            .containsEntry("COMPLETED", 0.0);
        assertThat(rows("rejected")).isEqualTo(Map.of("INVALID_NUMBER", 3.0));
        assertThat(pushgateway.value(LAST_SUCCESS)).hasValue(lastSuccess);
    }

    @Test
    void afterAFailedRunThePushgatewayStillShowsTheLastSuccess() {
        // given: a night that succeeded
        workspace.drop("numbers.csv", CsvFiles.numbers(5));
        assertThat(workspace.run("run")).isZero();
        double lastSuccess = pushgateway.value(LAST_SUCCESS).getAsDouble();

        // when: a night whose job fails, Cartesia refusing to create its batch
        workspace.drop("more.csv", CsvFiles.numbers(7));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.INTERNAL_ERROR);
        int exitCode = workspace.run("run", "--bulkcall.cartesia.max-attempts=1");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(pushgateway.byLabel("bulkcall_jobs_total", "state")).containsEntry("FAILED", 1.0)
            .containsEntry("COMPLETED", 0.0);
        assertThat(pushgateway.value("http_client_requests_seconds_count", "uri", "/agents/calls/batches", "status", "500"))
            .hasValue(1.0);
        assertThat(pushgateway.value(LAST_SUCCESS)).hasValue(lastSuccess);
    }

    @Test
    void aStoppedJobIsPushedAsTheRunEnds() {
        // given: a job whose batch starts in a minute, and a run that waits no time for it
        workspace.drop("soon.csv", CsvFiles.numbers(10));

        // when
        int exitCode = workspace.run("run", "--bulkcall.poll.max-wait=0s",
                "--bulkcall.batch.scheduled-at=" + BulkcallWorkspaces.START.plusSeconds(60));

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(pushgateway.byLabel("bulkcall_jobs_total", "state")).containsEntry("STOPPED", 1.0);
        assertThat(pushgateway.value("bulkcall_batches_not_cancelled_total")).hasValue(0.0);
        assertThat(pushgateway.value(LAST_SUCCESS)).isEmpty();
    }

    @Test
    void aCommandThatRunsNoJobPushesNothing() {
        // when
        int exitCode = workspace.run("status");

        // then: the Pushgateway holds no group at all
        assertThat(exitCode).isZero();
        assertThat(pushgateway.value("push_time_seconds")).isEmpty();
    }

    @Test
    void withThePushgatewayDownTheRunEndsAsItsJobDidAndSaysSoInOneLine(CapturedOutput output) {
        // given
        pushgateway.stop();
        workspace.drop("numbers.csv", CsvFiles.numbers(5));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("numbers.csv: job 1 completed");
        assertThat(output.getErr().lines().filter(line -> line.contains("Pushgateway")))
            .singleElement()
            .asString()
            .contains("WARN  Metrics not pushed to the Pushgateway at " + pushgateway.address() + ": Connection refused");
    }

    /** The node's rows of one outcome, by reason. */
    private Map<String, Double> rows(String outcome) {
        Map<String, Double> rows = new LinkedHashMap<>();
        pushgateway.samples()
            .stream()
            .filter(sample -> sample.name().equals("bulkcall_rows_total") && sample.labels().get("outcome").equals(outcome))
            .forEach(sample -> rows.put(sample.labels().get("reason"), sample.value()));
        return rows;
    }

    private JsonNode summary(long jobInstanceId, String stem) {
        return json.readTree(workspace.reports(jobInstanceId, stem).resolve("summary.json").toFile());
    }

    /** A summary.json object of counts, as numbers, less some keys. */
    private static Map<String, Double> counts(JsonNode counts, String... leftOut) {
        Map<String, Double> values = new LinkedHashMap<>();
        counts.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asDouble()));
        for (String key : leftOut) {
            values.remove(key);
        }
        return values;
    }
}
