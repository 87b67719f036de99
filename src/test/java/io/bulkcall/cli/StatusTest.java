package io.bulkcall.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.Workspace;
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
 * {@code bulkcall status} beside a running job, on the workspace's simulated clock (Wednesday 10:00 in
 * New York): a job held in one of its polls by the sandbox while {@code status} runs as a second
 * process would, and jobs stopped while some of their recipients wait for their calling window.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class StatusTest {

    /** The keys of a job in {@code status --json}, as the README documents them. */
    private static final Set<String> JOB_KEYS = Set.of("job", "job_instance", "file", "state", "last_exit", "started_at",
            "duration_seconds", "batches_finished", "batches_total", "calls_done", "calls_total", "completed", "failed",
            "rate_per_minute", "eta_seconds", "window_closed", "next_opening", "next_opening_zones", "last_poll_at",
            "progress", "left_by");

    private Workspace workspace;
    private SandboxServer sandbox;

    @BeforeEach
    void tenCallsAtATimeOfTwoMinutes(Workspace workspace) {
        this.workspace = workspace;
        this.sandbox = workspace.useSandbox(SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 20;
            sandbox.ringDuration = Duration.ofSeconds(30);
            sandbox.callDuration = Duration.ofMinutes(2);
            sandbox.failureRate = 0;
        }));
        workspace.with("--bulkcall.poll.interval=1m");
    }

    @Test
    void aRunningJobShowsItsCallsDoneTheirRateAndWhenTheRestShouldBeDone(CapturedOutput output) throws Exception {
        // given: 100 calls, ten at a time, and the job held in its twelfth poll
        workspace.drop("numbers.csv", CsvFiles.numbers(100));

        // when
        int exitCode = whileTheJobIsHeldInPoll(12, () -> workspace.run("status"));

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).containsPattern("1 +numbers\\.csv +STARTED")
            .containsPattern("Job 1 \\(numbers\\.csv\\): [1-9][0-9]/100 calls done, [0-9.]+/min, about [0-9]+ min left");
    }

    @Test
    void statusJsonGivesScriptsTheSameProgressRateAndEta(CapturedOutput output) throws Exception {
        // given
        workspace.drop("numbers.csv", CsvFiles.numbers(100));

        // when
        int exitCode = whileTheJobIsHeldInPoll(12, () -> workspace.run("status", "--json"));

        // then
        assertThat(exitCode).isZero();
        JsonNode job = json(output.getOut()).get("jobs").get(0);
        assertThat(job.propertyNames()).containsExactlyInAnyOrderElementsOf(JOB_KEYS);
        assertThat(job.get("state").asString()).isEqualTo("STARTED");
        assertThat(job.get("calls_total").asLong()).isEqualTo(100);
        assertThat(job.get("rate_per_minute").asDouble()).isPositive();
        assertThat(job.get("eta_seconds").asLong()).isPositive();
        assertThat(job.get("window_closed").asBoolean()).isFalse();
        assertThat(job.get("progress").asString()).startsWith(job.get("calls_done").asLong() + "/100 calls done, ");
    }

    @Test
    void oneJobShowsEachTimeZoneGroupWithItsWindowAndItsRecipients(CapturedOutput output) {
        // given: New York dials now, more than an hour of calls; Tokyo waits for Thursday 09:00 (00:00
        // UTC); a run that stops after an hour
        List<String> numbers = Stream.concat(IntStream.range(0, 300).mapToObj(i -> "+1212555%04d".formatted(100 + i)),
                IntStream.range(0, 12).mapToObj(i -> "+8131234%04d".formatted(5600 + i)))
            .toList();
        workspace.drop("world.csv", "to_number\n" + String.join("\n", numbers) + "\n");
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=1h")).isEqualTo(1);

        // when
        int exitCode = workspace.run("status", "1");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).containsPattern("ZONES +CALLING WINDOW +WAITING +QUEUED +DIALED +FINISHED")
            .containsPattern("America/New_York +open, closes Wed 20:00 \\(in (8h [0-9]+m|9h)\\) +[0-9]+ +[0-9]+ +[1-9][0-9]* +[1-9][0-9]*")
            .containsPattern("Asia/Tokyo +opens Thu 09:00 \\(in (7h [0-9]+m|8h)\\) +12 +0 +0 +0");
    }

    @Test
    void withNoJobItNamesTheJobDatabaseFileItLookedIn(CapturedOutput output) {
        // when: bulkcall run from a folder no job has run in, as from another folder than cron's
        int exitCode = workspace.run("status");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("No job in " + workspace.database().resolveSibling("bulkcall.mv.db")
                + " (spring.datasource.url; a relative path in it is read from the folder bulkcall runs in)");
    }

    @Test
    void aJobListedSaysNothingOfTheJobDatabase(CapturedOutput output) {
        workspace.drop("done.csv", CsvFiles.numbers(1));

        assertThat(workspace.run("run")).isZero();
        assertThat(workspace.run("status")).isZero();
        assertThat(output.getOut()).contains("done.csv").doesNotContain("No job in");
    }

    @Test
    void aGroupWithNothingLeftToDialShowsNoWindow(CapturedOutput output) {
        workspace.drop("done.csv", CsvFiles.numbers(3));

        assertThat(workspace.run("run")).isZero();
        assertThat(workspace.run("status", "1")).isZero();
        assertThat(output.getOut()).containsPattern("America/New_York +- +0 +0 +0 +3\\n");
    }

    @Test
    void aJobThatStoppedSaysWhyAndWhatToRun(CapturedOutput output) {
        // given: Tokyo numbers wait for Thursday 09:00, and the run stops waiting after an hour
        workspace.drop("tokyo.csv", tokyoNumbers(12));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=1h")).isEqualTo(1);

        // when
        int exitCode = workspace.run("status", "1");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("Last exit: job 1 stopped waiting after 1h (bulkcall.poll.max-wait) with "
                + "calls still to make; resume with: bulkcall restart 1");
    }

    @Test
    void aJobCancelledAfterItStoppedSaysSoAndWhatARestartStillDoes(CapturedOutput output) {
        // given: a run that stopped waiting for Tokyo's window, then bulkcall cancel
        workspace.drop("tokyo.csv", tokyoNumbers(12));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=1h")).isEqualTo(1);
        assertThat(workspace.run("cancel", "1")).isZero();

        // when
        int exitCode = workspace.run("status", "1");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("Last exit: cancelled by bulkcall cancel: no further call is made; "
                + "`bulkcall restart 1` collects the outcomes of the calls made and writes the reports");
    }

    @Test
    void aJobThatFailedSaysWhyInTheSameLineAsTheRun(CapturedOutput output) {
        // given: Cartesia refuses the connection
        workspace.drop("numbers.csv", CsvFiles.numbers(3));
        assertThat(workspace.run("run", "--bulkcall.cartesia.base-url=http://127.0.0.1:1",
                "--bulkcall.cartesia.max-attempts=1")).isEqualTo(1);

        // when
        int exitCode = workspace.run("status", "1", "--json");

        // then
        assertThat(exitCode).isZero();
        assertThat(json(output.getOut()).get("last_exit").asString())
            .isEqualTo("List Call Batches of agent agent_sandbox: no answer from 127.0.0.1:1 after 1 attempt (connection refused); "
                    + "once fixed, resume with: bulkcall restart 1");
    }

    @Test
    void aRunningJobWhoseWindowsAreAllClosedShowsTheNextOpening(CapturedOutput output) {
        // given: Tokyo numbers wait for Thursday 09:00; the job runs in another process, as far as the database says
        aTokyoJobTheDatabaseSaysRuns();

        // when
        int exitCode = workspace.run("status");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).containsPattern(
                "Job 1 \\(tokyo\\.csv\\): 0/12 calls done, calling window closed until Thu 09:00 Asia/Tokyo \\(in (7h [0-9]+m|8h)\\)");
    }

    @Test
    void aJobLeftRunningByAProcessThatIsGoneSaysSoAndWhatRecoversIt(CapturedOutput output) {
        // given: a job the database says runs, whose process on another host stopped beating long ago, five
        // minutes after the job started
        aTokyoJobTheDatabaseSaysRuns();
        jobRepository().sql("INSERT INTO bc_lease (job_instance_id, owner, heartbeat_at) VALUES (1, '4242@node-a.example', "
                + "TIMESTAMP WITH TIME ZONE '2026-11-25 09:00:00+00')").update();
        jobRepository().sql("UPDATE BATCH_STEP_EXECUTION SET LAST_UPDATED = "
                + "DATEADD('MINUTE', 5, (SELECT START_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = 1))").update();

        // when
        int exitCode = workspace.run("status");
        int jsonExitCode = workspace.run("status", "1", "--json");

        // then: no window or rate, as if it still ran, and its duration up to the last progress it recorded
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).containsPattern("1 +tokyo\\.csv +STARTED .* 5m00s\\n")
            .contains("Job 1 (tokyo.csv): 0/12 calls done; left running by a process that is gone (4242@node-a.example): "
                    + "the next run recovers the job from its last checkpoint")
            .doesNotContain("calling window closed");
        assertThat(jsonExitCode).isZero();
        JsonNode job = json(output.getOut().substring(output.getOut().lastIndexOf("\n{")));
        assertThat(job.get("left_by").asString()).isEqualTo("4242@node-a.example");
        assertThat(job.get("window_closed").asBoolean()).isFalse();
    }

    /** Runs the job until the sandbox holds its poll (List Call Batches) number {@code poll}, then {@code status}. */
    private int whileTheJobIsHeldInPoll(int poll, java.util.function.IntSupplier status) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.whenApplied((endpoint, ordinal) -> {
            if (endpoint == SandboxEndpoint.LIST_BATCHES && ordinal == poll) {
                held.countDown();
                awaitQuietly(release);
            }
        });
        CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> workspace.run("run"));
        try {
            assertThat(held.await(60, TimeUnit.SECONDS)).as("the job reached poll %d", poll).isTrue();
            return status.getAsInt();
        }
        finally {
            release.countDown();
            assertThat(job.get(60, TimeUnit.SECONDS)).as("the job's exit code").isZero();
        }
    }

    /** Job 1, of 12 Tokyo numbers waiting for their window, stopped, then marked STARTED as a running job's execution is. */
    private void aTokyoJobTheDatabaseSaysRuns() {
        workspace.drop("tokyo.csv", tokyoNumbers(12));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=1h")).isEqualTo(1);
        jobRepository().sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = 1")
            .update();
    }

    /** A file of Tokyo numbers: on the workspace's clock, their window opens Thursday 09:00. */
    private static String tokyoNumbers(int count) {
        return IntStream.range(0, count).mapToObj(i -> "+8131234%04d\n".formatted(5600 + i)).collect(Collectors.joining("", "to_number\n", ""));
    }

    private JdbcClient jobRepository() {
        return JdbcClient.create(workspace.jobDatabase());
    }

    private static JsonNode json(String out) {
        return JsonMapper.builder().build().readTree(out.substring(out.indexOf('{')));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
