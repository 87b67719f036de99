package io.bulkcall.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Workspace;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A number is not called too often, whatever file it comes in: the contact policy across files and
 * days, on a simulated clock that starts on Wednesday 25 November 2026 at 15:00 UTC; and the purge
 * that lets the job database forget recipients it no longer needs.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class ContactPolicyTest {

    private Workspace workspace;
    private SandboxServer sandbox;

    @BeforeEach
    void useWorkspace(Workspace workspace) {
        this.workspace = workspace;
        this.sandbox = workspace.sandbox();
    }

    @Test
    void numbersAtTheirLimitAreRejectedWithWhenAndByWhichJobAndTheOthersDialed() {
        // given: one dial a week, and Monday's numbers 0 to 9 dialed
        workspace.with("--bulkcall.contact-policy.max-dials=1", "--bulkcall.contact-policy.period=7d");
        workspace.drop("monday.csv", numbers(0, 10));
        assertThat(workspace.run("run")).isZero();

        // when: a day later, numbers 5 to 14
        workspace.clock().advance(Duration.ofDays(1));
        workspace.drop("tuesday.csv", numbers(5, 15));
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        Map<String, CSVRecord> rejected = byNumber(workspace.reports(2, "tuesday").resolve("rejected.csv"));
        assertThat(rejected).hasSize(5);
        CSVRecord atLimit = rejected.get(CsvFiles.usNumber(5));
        assertThat(atLimit.get("reason")).isEqualTo("CONTACT_LIMIT");
        assertThat(atLimit.get("detail")).isEqualTo(
                "dialed 1 time since 2026-11-25 15:00 UTC (last by job 1); next possible after 2026-12-02 15:00 UTC");
        assertThat(callsPlacedByNumber()).allSatisfy((number, calls) -> assertThat(calls).as(number).isEqualTo(1))
            .hasSize(15);
    }

    @Test
    void threeDialsIn24HoursHoldAcrossFilesAndRedialRounds() {
        // given: every call goes unanswered or fails (some before a call is placed, which is no dial),
        // three redial rounds, and this morning's file
        workspace.with("--bulkcall.redial.rounds=3", "--bulkcall.validation.max-reject-ratio=1");
        sandbox = workspace.useSandbox(BulkcallWorkspaces.SANDBOX.with(sandbox -> sandbox.failureRate = 1.0));
        workspace.drop("wednesday.csv", numbers(0, 10));
        assertThat(workspace.run("run")).isZero();
        List<String> atLimit = callsPlacedByNumber().entrySet().stream()
            .filter(dials -> dials.getValue() == 3)
            .map(Map.Entry::getKey)
            .toList();

        // when: three hours later the same numbers again, and a new one
        workspace.clock().advance(Duration.ofHours(3));
        workspace.drop("again.csv", numbers(0, 10) + CsvFiles.usNumber(99) + ",new\n");
        int exitCode = workspace.run("run");

        // then: no number got more than three calls in the day, those at three were not even staged
        assertThat(exitCode).isZero();
        assertThat(atLimit).isNotEmpty();
        assertThat(CsvFiles.records(workspace.reports(2, "again").resolve("rejected.csv")))
            .allSatisfy(row -> assertThat(row.get("reason")).isEqualTo("CONTACT_LIMIT"))
            .extracting(row -> row.get("to_number"))
            .containsExactlyInAnyOrderElementsOf(atLimit);
        assertThat(callsPlacedByNumber()).containsKey(CsvFiles.usNumber(99))
            .allSatisfy((number, calls) -> assertThat(calls).as(number).isLessThanOrEqualTo(3));
    }

    @Test
    void aRedialRoundThatWouldPassTheLimitRedialsTheOthersInANewBatch() {
        // given: one dial a day, calls that all fail (some before a call is placed, which is no dial)
        workspace.with("--bulkcall.contact-policy.max-dials=1", "--bulkcall.redial.rounds=1");
        sandbox = workspace.useSandbox(BulkcallWorkspaces.SANDBOX.with(sandbox -> sandbox.failureRate = 1.0));
        workspace.drop("hard.csv", numbers(0, 12));

        // when
        int exitCode = workspace.run("run");

        // then: Retry Call Batch would have redialed all; the batch's numbers not at their limit got a new one
        assertThat(exitCode).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isZero();
        assertThat(sandbox.batches()).hasSize(2);
        List<CSVRecord> results = CsvFiles.records(workspace.reports(1, "hard").resolve("results.csv"));
        assertThat(results).filteredOn(row -> row.get("error_message").contains("not redialed, contact limit"))
            .isNotEmpty()
            .allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo("1"));
        assertThat(results).filteredOn(row -> row.get("attempts").equals("2"))
            .extracting(row -> row.get("to_number"))
            .containsExactlyInAnyOrderElementsOf(sandbox.batches().get(1).toNumbers());
        assertThat(callsPlacedByNumber()).allSatisfy((number, calls) -> assertThat(calls).as(number).isLessThanOrEqualTo(1));
    }

    @Test
    void numbersAtTheirLimitAreSuppressionsNotRejectsAndDoNotStopTheFile(CapturedOutput output) {
        // given: six numbers dialed today at one dial a day
        workspace.with("--bulkcall.contact-policy.max-dials=1");
        workspace.drop("first.csv", numbers(0, 6));
        assertThat(workspace.run("run")).isZero();

        // when: a file whose six of ten numbers are at their limit (60%, the reject ratio allows 10%)
        workspace.drop("second.csv", numbers(0, 10));
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(CsvFiles.records(workspace.reports(2, "second").resolve("results.csv"))).hasSize(4);
        assertThat(CsvFiles.records(workspace.reports(2, "second").resolve("rejected.csv")))
            .hasSize(6)
            .allSatisfy(row -> assertThat(row.get("reason")).isEqualTo("CONTACT_LIMIT"));
        assertThat(callsPlacedByNumber()).hasSize(10).allSatisfy((number, calls) -> assertThat(calls).isEqualTo(1));
        assertThat(output.getErr()).contains("second.csv: 10 rows, 4 valid, 0 rejected (none), 6 suppressed (CONTACT_LIMIT 6)");
        JsonNode summary = JsonMapper.shared().readTree(workspace.reports(2, "second").resolve("summary.json").toFile());
        assertThat(summary.get("rejected_total").asLong()).isEqualTo(6);
        assertThat(summary.get("suppressed_total").asLong()).isEqualTo(6);
        assertThat(summary.get("suppressed").get("CONTACT_LIMIT").asLong()).isEqualTo(6);
    }

    @Test
    void aPurgedJobsValuesAreGoneFromTheDatabaseFilesWhileItsCountsAndContactHistoryStay(CapturedOutput output)
            throws IOException {
        // given: a completed job whose recipients carry a value found nowhere else
        workspace.with("--bulkcall.contact-policy.max-dials=1");
        workspace.drop("secret.csv", "to_number,note\n" + CsvFiles.usNumber(0) + ",Zebra-7781-Quokka\n");
        assertThat(workspace.run("run")).isZero();
        assertThat(databaseFiles()).anyMatch(file -> contains(file, "Zebra-7781-Quokka"));

        // when
        int exitCode = workspace.run("purge", "--older-than", "0s");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("Purged the 1 recipient of job 1 (secret.csv",
                "purged values are gone from the file");
        assertThat(databaseFiles()).isNotEmpty().noneMatch(file -> contains(file, "Zebra-7781-Quokka"))
            .as("H2's trace file, where it writes the errors it meets").noneMatch(file -> file.toString().endsWith(".trace.db"));
        assertThat(workspace.run("status", "1")).isZero();
        assertThat(output.getOut()).contains("secret.csv", "COMPLETED");
        workspace.drop("later.csv", "to_number\n" + CsvFiles.usNumber(0) + "\n" + CsvFiles.usNumber(1) + "\n");
        workspace.run("run", "--bulkcall.validation.max-reject-ratio=1");
        assertThat(CsvFiles.records(workspace.reports(2, "later").resolve("rejected.csv")))
            .extracting(row -> row.get("reason"))
            .containsExactly("CONTACT_LIMIT");
    }

    @Test
    void aPurgeThatFailsPartWaySaysWhatItPurgedAndTakesThoseValuesOutOfTheFile(CapturedOutput output) throws IOException {
        // given: two completed jobs, each with a value found nowhere else, and the database refusing to
        // record the purge of the first (a purge takes the newest job first)
        workspace.drop("first.csv", "to_number,note\n" + CsvFiles.usNumber(0) + ",Okapi-3312-Walrus\n");
        assertThat(workspace.run("run")).isZero();
        workspace.drop("second.csv", "to_number,note\n" + CsvFiles.usNumber(1) + ",Lemur-9025-Heron\n");
        assertThat(workspace.run("run")).isZero();
        JdbcClient.create(workspace.jobDatabase())
            .sql("ALTER TABLE bc_job ADD CONSTRAINT planned_failure CHECK (NOT (job_instance_id = 1 AND purged_at IS NOT NULL))")
            .update();

        // when
        int exitCode = workspace.run("purge", "--older-than", "0s");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("Purged the 1 recipient of job 2 (second.csv",
                "The purge stopped: the job database refused it (Check constraint violation: ",
                "the jobs listed above, if any, are purged, and `bulkcall purge` again takes the rest",
                "purged values are gone from the file")
            .doesNotContain("of job 1 (first.csv");
        assertThat(databaseFiles()).isNotEmpty()
            .noneMatch(file -> contains(file, "Lemur-9025-Heron"))
            .anyMatch(file -> contains(file, "Okapi-3312-Walrus"));
    }

    @Test
    void aRunPurgesTheJobsThatEndedLongerAgoThanTheRetentionBeforeItsFiles(CapturedOutput output) throws IOException {
        // given: a job completed two hours ago, and one hour of retention
        workspace.with("--bulkcall.retention.recipients=1h");
        workspace.drop("old.csv", "to_number,note\n" + CsvFiles.usNumber(0) + ",Dingo-2208-Puffin\n");
        assertThat(workspace.run("run")).isZero();
        endedTwoHoursAgo();

        // when
        workspace.drop("new.csv", "to_number,note\n" + CsvFiles.usNumber(1) + ",Tenrec-6143-Stoat\n");
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("Purged the 1 recipient of job 1 (old.csv",
                "; bulkcall.retention.recipients); its counts stay", "purged values are gone from the file");
        assertThat(databaseFiles()).noneMatch(file -> contains(file, "Dingo-2208-Puffin"))
            .anyMatch(file -> contains(file, "Tenrec-6143-Stoat"));
    }

    @Test
    void aRunWhoseRetentionPurgeTheDatabaseRefusesStillRunsItsFilesAndEndsFailedSayingSo(CapturedOutput output) {
        // given: a job past the retention, and the database refusing to record its purge
        workspace.with("--bulkcall.retention.recipients=1h");
        workspace.drop("old.csv", "to_number\n" + CsvFiles.usNumber(0) + "\n");
        assertThat(workspace.run("run")).isZero();
        endedTwoHoursAgo();
        JdbcClient.create(workspace.jobDatabase())
            .sql("ALTER TABLE bc_job ADD CONSTRAINT planned_failure CHECK (purged_at IS NULL)")
            .update();

        // when
        workspace.drop("new.csv", "to_number\n" + CsvFiles.usNumber(1) + "\n");
        int exitCode = workspace.run("run");

        // then: tonight's file is called, and the night fails on the purge alone
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("The purge of the jobs that ended more than 1h ago "
                + "(bulkcall.retention.recipients) stopped: the job database refused it (Check constraint violation: ",
                "the jobs listed above, if any, are purged, and the next run takes the rest")
            .doesNotContain("cannot open the job database");
        assertThat(workspace.lastJobStatus()).isEqualTo("COMPLETED");
        assertThat(callsPlacedByNumber()).containsOnlyKeys(CsvFiles.usNumber(0), CsvFiles.usNumber(1));
    }

    @Test
    void aPurgeAskedToStopPurgesNoFurtherJobAndSaysSo(CapturedOutput output) throws IOException {
        // given: a completed job whose recipient carries a value found nowhere else
        workspace.drop("secret.csv", "to_number,note\n" + CsvFiles.usNumber(0) + ",Tapir-5570-Gecko\n");
        assertThat(workspace.run("run")).isZero();

        // when: Ctrl-C as the purge starts
        int exitCode = workspace.runAskedToStop("purge", "--older-than", "0s");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("The purge stopped: bulkcall was asked to stop; the jobs listed above, if any, "
                + "are purged, and `bulkcall purge` again takes the rest")
            .doesNotContain("Purged the");
        assertThat(databaseFiles()).anyMatch(file -> contains(file, "Tapir-5570-Gecko"));
        assertThat(workspace.run("purge", "--older-than", "0s")).isZero();
        assertThat(output.getErr()).contains("Purged the 1 recipient of job 1 (secret.csv");
    }

    @Test
    void dialsPastThePolicysPeriodAreDeletedAndCompactedOutOfTheFile(CapturedOutput output) {
        // given: numbers dialed, and the period of the policy over since
        workspace.with("--bulkcall.contact-policy.period=7d");
        workspace.drop("monday.csv", numbers(0, 3));
        assertThat(workspace.run("run")).isZero();
        workspace.clock().advance(Duration.ofDays(8));

        // when: a purge that finds no job old enough to purge
        int exitCode = workspace.run("purge", "--older-than", "90d");

        // then
        assertThat(exitCode).isZero();
        assertThat(JdbcClient.create(workspace.jobDatabase()).sql("SELECT COUNT(*) FROM bc_contact_dial").query(Long.class)
            .single()).isZero();
        assertThat(output.getErr()).contains("No job that completed or was refused more than 90d ago still holds recipients",
                "purged values are gone from the file");
    }

    @Test
    void aPurgeLeavesARestartableJobAlone(CapturedOutput output) {
        // given: a job that stopped before its window opened, and so may still run
        workspace.with("--bulkcall.batch.scheduled-at=" + BulkcallWorkspaces.START.plus(Duration.ofHours(2)));
        workspace.drop("later.csv", numbers(0, 3));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=0s")).isEqualTo(1);

        // when
        workspace.run("purge", "--older-than", "0s");
        int restartExit = workspace.run("restart", "1");

        // then
        assertThat(output.getErr()).contains("No job that completed or was refused more than 0s ago still holds recipients");
        assertThat(restartExit).isZero();
        assertThat(CsvFiles.records(workspace.reports(1, "later").resolve("results.csv"))).hasSize(3)
            .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("completed"));
    }

    @Test
    void aFileValidationRefusedHasItsRowsPurgedAndIsRefusedAgainWhenDroppedAgain(CapturedOutput output)
            throws IOException {
        // given: a file refused for its rejects, whose valid row carries a value found nowhere else
        workspace.drop("refused.csv", "to_number,note\n" + CsvFiles.usNumber(0) + ",Ibex-4410-Marmot\nnot a number,x\n");
        assertThat(workspace.run("run")).isEqualTo(3);
        assertThat(databaseFiles()).anyMatch(file -> contains(file, "Ibex-4410-Marmot"));

        // when: purged, then dropped again unchanged with a looser ratio
        int purgeExit = workspace.run("purge", "--older-than", "0s");
        Files.move(workspace.input().resolve("failed/refused.csv"), workspace.input().resolve("refused.csv"));
        int againExit = workspace.run("run", "--bulkcall.validation.max-reject-ratio=1");

        // then
        assertThat(purgeExit).isZero();
        assertThat(output.getErr()).contains("Purged the 1 recipient of job 1 (refused.csv");
        assertThat(databaseFiles()).isNotEmpty().noneMatch(file -> contains(file, "Ibex-4410-Marmot"));
        assertThat(againExit).isEqualTo(3);
        assertThat(output.getErr())
            .contains("refused.csv was not dialed: validation refused this content in job 1, whose rows were purged on");
        assertThat(sandbox.batches()).isEmpty();
    }

    @Test
    void aRefusedFileRestartedUnderLooserSettingsIsNoLongerTakenForRefused(CapturedOutput output) throws IOException {
        // given: a refused file, dropped again with a looser ratio, whose job then stops before its window opens
        workspace.drop("refused.csv", "to_number\n" + CsvFiles.usNumber(0) + "\nnot a number\n");
        assertThat(workspace.run("run")).isEqualTo(3);
        Files.move(workspace.input().resolve("failed/refused.csv"), workspace.input().resolve("refused.csv"));
        workspace.with("--bulkcall.validation.max-reject-ratio=1",
                "--bulkcall.batch.scheduled-at=" + BulkcallWorkspaces.START.plus(Duration.ofHours(2)));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=0s")).isEqualTo(1);

        // when
        workspace.run("purge", "--older-than", "0s");
        int restartExit = workspace.run("run");

        // then: the stopped job kept its recipient, and its restart dials it
        assertThat(output.getErr()).contains("No job that completed or was refused more than 0s ago still holds recipients");
        assertThat(restartExit).isZero();
        assertThat(CsvFiles.records(workspace.reports(1, "refused").resolve("results.csv")))
            .extracting(row -> row.get("status"))
            .containsExactly("completed");
    }

    private Map<String, Integer> callsPlacedByNumber() {
        return sandbox.batches()
            .stream()
            .flatMap(batch -> batch.recipients().stream())
            .collect(Collectors.groupingBy(recipient -> recipient.toNumber(),
                    Collectors.summingInt(recipient -> recipient.callsPlaced())));
    }

    /**
     * Spring Batch records when a job ended on the system clock, not the workspace's simulated one, and
     * the purge reads it there.
     */
    private void endedTwoHoursAgo() {
        JdbcClient.create(workspace.jobDatabase()).sql("UPDATE BATCH_JOB_EXECUTION SET END_TIME = DATEADD('HOUR', -2, END_TIME)")
            .update();
    }

    private List<Path> databaseFiles() throws IOException {
        try (Stream<Path> files = Files.list(workspace.root().resolve("data"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("bulkcall")).toList();
        }
    }

    private static boolean contains(Path file, String value) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(value);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, CSVRecord> byNumber(Path csv) {
        return CsvFiles.records(csv).stream().collect(Collectors.toMap(row -> row.get("to_number"), Function.identity()));
    }

    private static String numbers(int from, int to) {
        return "to_number,customer_id\n" + IntStream.range(from, to)
            .mapToObj(i -> CsvFiles.usNumber(i) + ",cust-" + i + "\n")
            .collect(Collectors.joining());
    }
}
