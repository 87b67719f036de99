package io.bulkcall.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxFault;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.Workspace;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk-call job end to end: bulkcall launched as {@code main} launches it, on a real H2 job
 * repository in a temporary folder, against a sandbox Cartesia whose every batch the test can see.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class BulkCallJobTest {

    private SandboxServer sandbox;
    private Workspace workspace;

    @BeforeEach
    void useWorkspace(Workspace workspace) {
        this.workspace = workspace;
        this.sandbox = workspace.sandbox();
    }

    @ParameterizedTest(name = "{0} rows make batches of {1}")
    @CsvSource({ "1000, 1000", "1001, 1000 1", "2500, 1000 1000 500" })
    void rowsAreSentInBatchesOfAtMostAThousand(int rows, String batchSizes) {
        // given
        workspace.drop("numbers.csv", CsvFiles.numbers(rows));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.batches()).extracting(batch -> batch.toNumbers().size())
            .containsExactlyInAnyOrderElementsOf(
                    List.of(batchSizes.split(" ")).stream().map(Integer::valueOf).toList());
        assertThat(sandbox.createdToNumbers()).hasSize(rows).doesNotHaveDuplicates();
        // progress comes from List pages; a batch is fetched on its own once, when it has finished
        assertThat(sandbox.requests(SandboxEndpoint.GET_BATCH)).isEqualTo(sandbox.batches().size());
        assertThat(CsvFiles.records(workspace.reports(1, "numbers").resolve("results.csv"))).hasSize(rows)
            .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("completed"));
    }

    @Test
    void aRunThatGoesWellLogsNoWarning() throws IOException {
        // given
        workspace.drop("numbers.csv", CsvFiles.numbers(10));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(Files.readAllLines(workspace.log())).filteredOn(line -> line.contains(" WARN ")).isEmpty();
    }

    @Test
    void everyDataRowEndsUpInExactlyOneOfResultsAndRejected() {
        // given
        workspace.with("--bulkcall.validation.max-reject-ratio=1.0",
                "--bulkcall.validation.do-not-call-file=" + fixture("do-not-call.txt"));
        workspace.dropFixture("/job/every-reason.csv", "every-reason.csv");

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        Path reports = workspace.reports(1, "every-reason");
        Map<String, CSVRecord> rejected = byLine(CsvFiles.records(reports.resolve("rejected.csv")));
        Map<String, CSVRecord> results = byLine(CsvFiles.records(reports.resolve("results.csv")));
        assertThat(results.keySet()).containsExactlyInAnyOrder("2", "7", "10");
        assertThat(rejected.keySet()).containsExactlyInAnyOrder("3", "4", "5", "6", "9", "11");
        assertThat(rejected).extractingFromEntries(entry -> entry.getKey() + " " + entry.getValue().get("reason"))
            .containsExactlyInAnyOrder("3 MISSING_NUMBER", "4 INVALID_NUMBER", "5 DUPLICATE", "6 DO_NOT_CALL",
                    "9 INVALID_NUMBER", "11 MALFORMED_ROW");
        assertThat(rejected.get("5").get("detail")).isEqualTo("first seen on line 2");
        assertThat(sandbox.createdToNumbers()).containsExactlyInAnyOrder("+12125550143", "+12125550199", "+16465550123");
    }

    @Test
    void cellsASpreadsheetWouldRunAreNeutralizedButE164NumbersAreNot() {
        // given
        workspace.with("--bulkcall.validation.max-reject-ratio=1.0");
        workspace.dropFixture("/job/every-reason.csv", "every-reason.csv");

        // when
        workspace.run("run");

        // then
        Path reports = workspace.reports(1, "every-reason");
        CSVRecord result = byLine(CsvFiles.records(reports.resolve("results.csv"))).get("10");
        assertThat(result.get("note")).isEqualTo("'=1+2");
        assertThat(result.get("to_number")).isEqualTo("+16465550123");
        CSVRecord rejected = byLine(CsvFiles.records(reports.resolve("rejected.csv"))).get("9");
        assertThat(rejected.get("to_number")).isEqualTo("'=2125550100");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        every-reason.csv | every-reason.csv was not dialed: 5 of its 9 rows were rejected
        no-valid-row.csv | no-valid-row.csv was not dialed: none of its 2 rows is valid
        """)
    void aFileOverTheRejectRatioDialsNobodyExitsThreeAndMovesToFailed(String file, String line, CapturedOutput output) {
        // given: every-reason.csv has 5 bad rows of 9, the default ratio allows 10%
        workspace.dropFixture("/job/" + file, file);

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(workspace.input().resolve("failed/" + file)).exists();
        assertThat(output.getErr()).contains(line, "rejected.csv");
    }

    @Test
    void aCompletedJobWhoseFileCannotBeMovedSaysSoAndItsNextRunDialsNothingAgain(CapturedOutput output) throws Exception {
        // given: a folder where the file would go
        Files.createDirectories(workspace.input().resolve("processed/monday.csv/kept"));
        workspace.drop("monday.csv", CsvFiles.numbers(30));

        // when
        int firstExit = workspace.run("run");
        int nextExit = workspace.run("run");

        // then
        assertThat(firstExit).isEqualTo(1);
        assertThat(nextExit).isEqualTo(1);
        assertThat(output.getErr()).containsPattern("monday.csv: job 1 completed; results in \\S+; but cannot move \\S+/input/monday.csv to "
                + "\\S+/input/processed: \\S+ cannot be read \\(Is a directory\\); nothing is dialed again, and the next "
                + "run moves it once it can")
            .contains("monday.csv: this content was already processed by job 1 (results in");
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(1);
        assertThat(workspace.input().resolve("monday.csv")).exists();
    }

    @Test
    void theSameContentDroppedTwiceIsNotDialedTwice(CapturedOutput output) {
        // given
        String content = CsvFiles.numbers(30);
        workspace.drop("monday.csv", content);
        workspace.run("run");

        // when
        workspace.drop("monday.csv", content);
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(1);
        assertThat(output.getErr()).contains("monday.csv: this content was already processed by job 1");
        assertThat(workspace.input().resolve("monday.csv")).doesNotExist();
    }

    @Test
    void aStoppedJobLeavesNothingQueuedAndItsRestartDialsTheRestInNewBatches(CapturedOutput output) {
        // given: three batches that reserve half the organization's calls each, so the third waits,
        // and a first run that gives up waiting at once
        workspace.drop("big.csv", CsvFiles.numbers(2500));
        int firstExit = workspace.run("run", "--bulkcall.poll.max-wait=0s");
        assertThat(firstExit).isEqualTo(1);
        assertThat(output.getErr()).contains("resume with: bulkcall restart 1");
        assertThat(sandbox.batches()).hasSize(3)
            .allSatisfy(batch -> assertThat(batch.recipients()).noneMatch(recipient -> recipient.status().equals("queued")));

        // when
        int exitCode = workspace.run("restart", "1");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.batches()).hasSizeGreaterThan(3);
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, CsvFiles.usNumbers(2500));
        assertThat(CsvFiles.records(workspace.reports(1, "big").resolve("results.csv"))).hasSize(2500)
            .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("completed"));
    }

    @Test
    void aFailedRunIsRestartedByTheNextRunOfTheSameFile(CapturedOutput output) {
        // given: the third create fails for good, after two batches were created and committed
        workspace.drop("big.csv", CsvFiles.numbers(2500));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.INTERNAL_ERROR, 2);
        int firstExit = workspace.run("run", "--bulkcall.cartesia.max-attempts=1");
        assertThat(firstExit).isEqualTo(1);
        assertThat(sandbox.batches()).hasSize(2);

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.batches()).hasSize(3);
        assertThat(sandbox.createdToNumbers()).hasSize(2500).doesNotHaveDuplicates();
        assertThat(output.getErr()).contains("Restarting job 1 of big.csv from its last checkpoint");
    }

    @Test
    void aFileWhoseRestartTheJobDatabaseRefusesIsNamedAndTheNextFileStillRuns(CapturedOutput output) throws Exception {
        // given: a.csv's job failed, then the job database refuses another execution of it
        Path a = workspace.drop("a.csv", CsvFiles.numbers(0, 5));
        Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.INTERNAL_ERROR);
        assertThat(workspace.run("run", "--bulkcall.cartesia.max-attempts=1")).isEqualTo(1);
        try (var database = DriverManager.getConnection("jdbc:h2:file:" + workspace.database(), "sa", "");
                var statement = database.createStatement()) {
            statement.execute("ALTER TABLE BATCH_JOB_EXECUTION ADD CONSTRAINT NO_RESTART"
                    + " CHECK (NOT (JOB_INSTANCE_ID = 1 AND JOB_EXECUTION_ID > 1))");
        }
        workspace.drop("b.csv", CsvFiles.numbers(5, 5));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("a.csv: the job could not be launched: ")
            .containsPattern("b\\.csv: job \\d+ completed");
    }

    @Test
    void aJobWhoseEndTheJobDatabaseCannotRecordFailsTheRunSayingSoAndTheNextRunRecoversIt(CapturedOutput output) {
        // given: a job database that will refuse to record a completed job
        assertThat(workspace.run("status")).isZero();
        JdbcClient database = JdbcClient.create(workspace.jobDatabase());
        database.sql("ALTER TABLE BATCH_JOB_EXECUTION ADD CONSTRAINT planned_failure CHECK (STATUS <> 'COMPLETED')").update();
        workspace.drop("numbers.csv", CsvFiles.numbers(5));

        // when
        int exitCode = workspace.run("run");

        // then: the job's own failure, not another process's job
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("numbers.csv: job 1 could not go on: the job database failed under it (",
                "Check constraint violation", "); once it works again, the next run recovers the job from its last checkpoint")
            .doesNotContain("another process");

        // and when: the database works again, and the process that ran the job is gone
        database.sql("ALTER TABLE BATCH_JOB_EXECUTION DROP CONSTRAINT planned_failure").update();
        database.sql("UPDATE bc_lease SET owner = '4242@gone.example', heartbeat_at = TIMESTAMP '2000-01-01 00:00:00'").update();
        int nextExitCode = workspace.run("run");

        // then
        assertThat(nextExitCode).isZero();
        assertThat(output.getErr()).contains("Job 1 of numbers.csv was left running by a process that is gone; recovering it");
        assertThat(workspace.lastJobStatus()).isEqualTo("COMPLETED");
        assertThat(sandbox.createdToNumbers()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void aProcessWhoseJobAnotherProcessTookOverSendsNothingMoreForItAndCancelsNoneOfItsBatches(CapturedOutput output) {
        // given: batches of one; as Cartesia creates the first, a process on another host takes the job
        // over, having found this one's lease expired (as when this one was suspended for a minute)
        workspace.drop("numbers.csv", CsvFiles.numbers(3));
        JdbcClient database = JdbcClient.create(workspace.jobDatabase());
        sandbox.whenApplied((endpoint, ordinal) -> {
            if (endpoint == SandboxEndpoint.CREATE_BATCH && ordinal == 1) {
                database.sql("UPDATE bc_lease SET owner = '777@node-b.example'").update();
            }
        });

        // when
        int exitCode = workspace.run("run", "--bulkcall.batch.size=1");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("numbers.csv: job 1 was taken over by process 777@node-b.example, which "
                + "found this process's lease expired (was this process suspended, or is a clock off?); this process sent "
                + "nothing more for it and left its batches to that process");
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isEqualTo(1);
        assertThat(sandbox.requests(SandboxEndpoint.CANCEL_BATCH)).isZero();

        // and when: that process is gone in its turn, and the next run takes the job
        database.sql("UPDATE bc_lease SET heartbeat_at = TIMESTAMP '2000-01-01 00:00:00'").update();
        int nextExitCode = workspace.run("run", "--bulkcall.batch.size=1");

        // then
        assertThat(nextExitCode).isZero();
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, CsvFiles.usNumbers(3));
    }

    @Test
    void aJobDatabaseThatGoesDownMidJobGivesEachFileItsOwnLine(CapturedOutput output) throws Exception {
        // given: two files, and the job database going down as Cartesia creates a.csv's second batch
        Path a = workspace.drop("a.csv", CsvFiles.numbers(0, 3));
        Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        workspace.drop("b.csv", CsvFiles.numbers(3, 3));
        sandbox.whenApplied((endpoint, ordinal) -> {
            if (endpoint == SandboxEndpoint.CREATE_BATCH && ordinal == 2) {
                JdbcClient.create(workspace.jobDatabase()).sql("SHUTDOWN IMMEDIATELY").update();
            }
        });

        // when
        int exitCode = workspace.run("run", "--bulkcall.batch.size=1");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("a.csv: job 1 could not go on: the job database failed under it (",
                "b.csv: the job could not be launched: ")
            .as("the line of a command that failed as a whole").doesNotContain("details in logs/bulkcall.log");
    }

    @Test
    void aRestartWhoseJobDatabaseGoesDownSaysSoInTheJobsOwnLine(CapturedOutput output) {
        // given: a failed job, and the job database going down as its restart creates a batch
        workspace.drop("a.csv", CsvFiles.numbers(0, 3));
        sandbox.planFault(SandboxEndpoint.CREATE_BATCH, SandboxFault.INTERNAL_ERROR);
        assertThat(workspace.run("run", "--bulkcall.cartesia.max-attempts=1")).isEqualTo(1);
        sandbox.whenApplied((endpoint, ordinal) -> {
            if (endpoint == SandboxEndpoint.CREATE_BATCH) {
                JdbcClient.create(workspace.jobDatabase()).sql("SHUTDOWN IMMEDIATELY").update();
            }
        });

        // when
        int exitCode = workspace.run("run");

        // then: the restart's line, with what failed under the job, not the lease it could not give back after
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("a.csv: job 2 could not go on: the job database failed under it (Could not open")
            .doesNotContain("bc_lease");
    }

    @Test
    void saysHowFarTheCallsGotAsBatchesFinishNotAtEachOfThePollsASimulatedClockRunsThrough(CapturedOutput output) {
        // given: one batch of 40 dialed two calls at a time, calls of 4 s polled every second, the
        // polls following each other with no wait as the simulated clock jumps to the next
        useSandbox(SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 2;
            sandbox.failureRate = 0;
        }));
        workspace.with("--bulkcall.poll.interval=1s");
        workspace.drop("forty.csv", CsvFiles.numbers(40));

        // when
        int exitCode = workspace.run("run");

        // then: the first line, then the one as the batch finishes; a line that only counts calls
        // waits ten seconds of the machine's time after the last, which the whole run does not take
        assertThat(exitCode).isZero();
        assertThat(output.getErr().lines().filter(line -> line.contains(" batches finished, calls ")))
            .extracting(line -> line.replaceFirst(".*Job \\d+: ", "").replaceFirst(" finished;.*", ""))
            .satisfiesExactly(first -> assertThat(first).startsWith("0/1 batches finished, calls "),
                    last -> assertThat(last).isEqualTo("1/1 batches finished, calls 40/40"));
    }

    @Test
    void failedRecipientsAreRetriedForTheConfiguredRounds() {
        // given: every attempt fails, so each round re-queues every recipient
        useSandbox(SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 10_000;
            sandbox.ringDuration = Duration.ofMillis(1);
            sandbox.callDuration = Duration.ofMillis(5);
            sandbox.failureRate = 1.0;
        }));
        workspace.with("--bulkcall.redial.rounds=2");
        workspace.drop("hard.csv", CsvFiles.numbers(20));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isEqualTo(2);
        assertThat(sandbox.batches()).singleElement().extracting(CallBatchSnapshot::retryCount).isEqualTo(2);
        assertThat(CsvFiles.records(workspace.reports(1, "hard").resolve("results.csv")))
            .allSatisfy(row -> {
                assertThat(row.get("status")).isEqualTo("failed");
                assertThat(row.get("attempts")).isEqualTo("3");
            });
    }

    @Test
    void aStopCancelsBatchesScheduledForLaterAndTheRestartCarriesTheirRecipientsOver() {
        // given: batches created ahead of their start, and a run that stops before it
        workspace.with("--bulkcall.batch.scheduled-at=" + BulkcallWorkspaces.START.plus(Duration.ofMinutes(1)));
        workspace.drop("soon.csv", CsvFiles.numbers(10));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=0s")).isEqualTo(1);
        assertThat(sandbox.batches()).singleElement().satisfies(batch -> {
            assertThat(batch.scheduledAt()).isEqualTo(BulkcallWorkspaces.START.plus(Duration.ofMinutes(1)));
            assertThat(batch.status()).isEqualTo("cancelled");
        });

        // when
        int exitCode = workspace.run("restart", "1");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.batches()).hasSize(2);
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, CsvFiles.usNumbers(10));
    }

    @Test
    void aCancelledJobCreatesNoFurtherBatchAndItsRestartReportsWhatWasNotDialed() {
        // given: a run that stopped while it waited for the hour it may dial from
        workspace.with("--bulkcall.batch.scheduled-at=" + BulkcallWorkspaces.START.plus(Duration.ofHours(1)));
        workspace.drop("later.csv", CsvFiles.numbers(10));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=0s")).isEqualTo(1);

        // when
        int cancelExit = workspace.run("cancel", "1");
        int restartExit = workspace.run("restart", "1");

        // then
        assertThat(cancelExit).isZero();
        assertThat(restartExit).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(CsvFiles.records(workspace.reports(1, "later").resolve("results.csv")))
            .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("not_submitted"));
    }

    @Test
    void cancelOfACompletedJobSaysThereIsNothingToCancel(CapturedOutput output) {
        // given
        workspace.drop("numbers.csv", CsvFiles.numbers(3));
        assertThat(workspace.run("run")).isZero();

        // when
        int exitCode = workspace.run("cancel", "1");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("job 1 (numbers.csv) has already completed; nothing to cancel")
            .doesNotContain("stopped the job");
        assertThat(sandbox.requests(SandboxEndpoint.CANCEL_BATCH)).isZero();
    }

    @Test
    void cancelCancelsWhatAStoppedJobLeftQueuedOnceCartesiaAnswersAndNamesWhatItCouldNot(CapturedOutput output) {
        // given: a batch created ahead of its start, and a run that stops while Cartesia refuses to cancel it
        workspace.with("--bulkcall.batch.scheduled-at=" + BulkcallWorkspaces.START.plus(Duration.ofMinutes(1)),
                "--bulkcall.cartesia.max-attempts=1");
        workspace.drop("soon.csv", CsvFiles.numbers(10));
        sandbox.planFault(SandboxEndpoint.CANCEL_BATCH, SandboxFault.INTERNAL_ERROR);
        sandbox.planFault(SandboxEndpoint.CANCEL_BATCH, SandboxFault.INTERNAL_ERROR);
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=0s")).isEqualTo(1);

        // when: a cancel while Cartesia still refuses, then one once it answers
        int refusedExit = workspace.run("cancel", "1");
        int cancelExit = workspace.run("cancel", "1");

        // then
        assertThat(refusedExit).isEqualTo(1);
        assertThat(cancelExit).isZero();
        String batchId = sandbox.batches().get(0).id();
        assertThat(sandbox.batches()).singleElement().extracting(CallBatchSnapshot::status).isEqualTo("cancelled");
        assertThat(output.getErr()).containsSubsequence(
                "Job 1: 1 of 1 call batches could not be cancelled (", "`bulkcall cancel 1` cancels them once Cartesia answers",
                "Cancelled call batch " + batchId + " by bulkcall cancel: 10 queued recipients are not dialed",
                "Job 1: cancelled 1 call batch on Cartesia");
    }

    @Test
    void runWithoutFilesTakesOnlyFinishedCsvFilesOldestFirst(CapturedOutput output) throws Exception {
        // given
        Path older = workspace.drop("older.csv", CsvFiles.numbers(3));
        Files.setLastModifiedTime(older, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        workspace.drop("newer.csv", CsvFiles.numbers(4));
        workspace.drop("copying.csv.part", CsvFiles.numbers(5));
        workspace.drop(".hidden.csv", CsvFiles.numbers(6));
        workspace.drop("notes.tmp", CsvFiles.numbers(7));

        // when
        int exitCode = workspace.run();

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).containsSubsequence("older.csv: job 1 completed", "newer.csv: job 2 completed");
        assertThat(workspace.input().resolve("copying.csv.part")).exists();
        assertThat(workspace.input().resolve(".hidden.csv")).exists();
        assertThat(workspace.input().resolve("notes.tmp")).exists();
    }

    @Test
    void aFileStillBeingWrittenIsWaitedForOnceThenLeftForTheNextRun(CapturedOutput output) {
        // given: a file written to all through the run, which waits for it on the system's clock
        workspace.with("--bulkcall.input-quiet-period=1s");
        Path growing = workspace.drop("growing.csv", CsvFiles.numbers(3));
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(() -> touch(growing), 0, 100, TimeUnit.MILLISECONDS);

        // when
        int exitCode;
        try {
            exitCode = workspace.run("run");
        }
        finally {
            writer.shutdownNow();
        }

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(output.getErr()).containsSubsequence(
                "for growing.csv to be unchanged for bulkcall.input-quiet-period (1s): it may still be being copied in",
                "growing.csv changed less than bulkcall.input-quiet-period (1s) ago: left for the next run");
    }

    @Test
    void validateWritesRejectedCsvAndDialsNobody(CapturedOutput output) {
        // given: five bad rows, and no do-not-call list this time
        Path file = workspace.dropFixture("/job/every-reason.csv", "every-reason.csv");

        // when
        int exitCode = workspace.run("validate", file.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(sandbox.requests(SandboxEndpoint.CREATE_BATCH)).isZero();
        assertThat(CsvFiles.records(workspace.root().resolve("output/validate-every-reason/rejected.csv"))).hasSize(5);
        assertThat(output.getErr()).contains("every-reason.csv: 9 rows, 4 valid, 5 rejected");
        assertThat(file).exists();
    }

    @Test
    void statusListsJobsAndOneJobWithItsBatches(CapturedOutput output) {
        // given
        workspace.drop("numbers.csv", CsvFiles.numbers(1500));
        workspace.run("run");

        // when
        int listExit = workspace.run("status");
        int detailExit = workspace.run("status", "1");

        // then
        assertThat(listExit).isZero();
        assertThat(detailExit).isZero();
        assertThat(output.getOut()).contains("JOB", "numbers.csv", "COMPLETED", "2/2", "1500/1500")
            .contains("bulkcall numbers #1 batch 1", "bulkcall numbers #1 batch 2");
    }

    private void useSandbox(SandboxSettings settings) {
        sandbox = workspace.useSandbox(settings);
    }

    private Path fixture(String name) {
        return workspace.fixtureFile("/job/" + name, name);
    }

    private static Map<String, CSVRecord> byLine(List<CSVRecord> records) {
        return records.stream().collect(Collectors.toMap(row -> row.get("line"), Function.identity()));
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
