package io.bulkcall.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.CallOutcome;
import io.bulkcall.sandbox.RecipientSnapshot;
import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ExactlyOnce;
import io.bulkcall.testing.InsideWindows;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody is called at night: the job end to end on a simulated clock shared with the sandbox,
 * starting on Wednesday 25 November 2026 at 10:00 in New York, with the default window (09:00-20:00,
 * Monday to Saturday, recipient-local). Calls last 20 minutes and few run at once, so the windows'
 * ends fall in the middle of batches; every wait of the job moves the clock instead of sleeping.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class CallingWindowsTest {

    /** Thursday 09:00 in New York. */
    private static final Instant THURSDAY_OPENING_NEW_YORK = Instant.parse("2026-11-26T14:00:00Z");

    private Workspace workspace;
    private SandboxServer sandbox;

    @BeforeEach
    void slowCalls(Workspace workspace) {
        this.workspace = workspace;
        // one call at a time for each batch, two for the organization
        this.sandbox = workspace.useSandbox(SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 2;
            sandbox.ringDuration = Duration.ofSeconds(30);
            sandbox.callDuration = Duration.ofMinutes(20);
            sandbox.failureRate = 0;
        }));
        workspace.with("--bulkcall.poll.interval=5m");
    }

    @Test
    void aWindowThatClosesMidBatchCarriesTheRestToTheNextDayAndDialsEachOnce(CapturedOutput output) {
        // given: 40 New York numbers take 14 hours of calls, the window leaves 10 today
        workspace.drop("ny.csv", CsvFiles.numbers(40));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        List<CallBatchSnapshot> batches = sandbox.batches();
        assertThat(batches).hasSize(2);
        List<RecipientSnapshot> notDialedWednesday = batches.get(0).recipients().stream()
            .filter(recipient -> recipient.attempts() == 0)
            .toList();
        assertThat(batches.get(0).status()).isEqualTo("cancelled");
        assertThat(notDialedWednesday).isNotEmpty().allSatisfy(recipient -> assertThat(recipient.status()).isEqualTo("cancelled"));
        assertThat(batches.get(1).scheduledAt()).isEqualTo(THURSDAY_OPENING_NEW_YORK);
        assertThat(batches.get(1).toNumbers())
            .containsExactlyElementsOf(notDialedWednesday.stream().map(RecipientSnapshot::toNumber).toList());
        assertThat(output.getErr()).contains(notDialedWednesday.size() + " carried to Thu 09:00 America/New_York");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, CsvFiles.usNumbers(40));
        InsideWindows.assertEveryDispatchInsideItsWindow(sandbox, reports("ny"));
        assertThat(CsvFiles.records(reports("ny").resolve("results.csv"))).hasSize(40).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("completed");
            assertThat(row.get("attempts")).isEqualTo("1");
            assertThat(row.get("time_zone")).isEqualTo("America/New_York");
        });
    }

    @Test
    void theProgressLineCountsTheCallsOfRecipientsCarriedToTheNextDayOnce(CapturedOutput output) {
        // given: 40 New York numbers take 14 hours of calls: the window's close cancels the first day's
        // batch and carries the numbers it had not dialed to a batch of the next day
        workspace.drop("ny.csv", CsvFiles.numbers(40));

        // when
        int exitCode = workspace.run("run");

        // then: the cancelled batch counts the calls it made, the next day's batch the rest
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("Job 1: 2/2 batches finished, calls 40/40 finished")
            .doesNotContainPattern("calls [0-9]+/(4[1-9]|[5-9][0-9]) finished");
    }

    @ParameterizedTest
    @ValueSource(strings = { "18:00-19:00", "12:00-13:00,18:00-19:00" })
    void hoursAsShortAsAnHourDialSingleZoneNumbersInsideThem(String hours) {
        // given: 12 New York numbers, 20-minute calls two at a time, and an hour or two a day to call them in
        workspace.drop("evening.csv", CsvFiles.numbers(12));

        // when
        int exitCode = workspace.with("--bulkcall.calling-window.hours=" + hours).run("run");

        // then: nobody rejected, everybody dialed once, every dial inside the hours
        assertThat(exitCode).isZero();
        assertThat(CsvFiles.records(reports("evening").resolve("rejected.csv"))).isEmpty();
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, CsvFiles.usNumbers(12));
        InsideWindows.assertEveryDispatchInsideItsWindow(sandbox, reports("evening"), hours, "MON-SAT");
    }

    @Test
    void groupsInFourZonesAreEachDialedInTheirOwnWindowOverTwoDays(CapturedOutput output) {
        // given: New York (10:00 now), Los Angeles (07:00), London (15:00) and Tokyo (Thursday 00:00)
        List<String> numbers = IntStream.range(0, 12).mapToObj(i -> List.of("+1212555%04d".formatted(100 + i),
                "+1415555%04d".formatted(100 + i), "+44207946%04d".formatted(i), "+8131234%04d".formatted(5600 + i)))
            .flatMap(List::stream)
            .toList();
        workspace.drop("world.csv", "to_number\n" + String.join("\n", numbers) + "\n");
        sandbox = workspace.useSandbox(SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 8;
            sandbox.ringDuration = Duration.ofSeconds(30);
            sandbox.callDuration = Duration.ofMinutes(20);
            sandbox.failureRate = 0;
        }));

        // when
        int exitCode = workspace.run("run");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("12 recipients in America/Los_Angeles wait for Wed 09:00 local (in 2h)",
                "12 recipients in Asia/Tokyo wait for Thu 09:00 local (in 9h)");
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, numbers);
        InsideWindows.assertEveryDispatchInsideItsWindow(sandbox, reports("world"));
        assertThat(CsvFiles.records(reports("world").resolve("results.csv")).stream().map(row -> row.get("time_zone")).distinct())
            .containsExactlyInAnyOrder("America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Tokyo");
    }

    @Test
    void aStopMidWindowLeavesNothingQueuedAndTheRestartDialsTheRestOnce() {
        // given: a run that stops after two hours of calls
        workspace.drop("ny.csv", CsvFiles.numbers(20));
        assertThat(workspace.run("run", "--bulkcall.poll.max-wait=2h")).isEqualTo(1);
        assertThat(sandbox.batches()).allSatisfy(batch -> assertThat(batch.recipients())
            .noneMatch(recipient -> recipient.status().equals("queued")));

        // when
        int exitCode = workspace.run("restart", "1");

        // then
        assertThat(exitCode).isZero();
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 0, CsvFiles.usNumbers(20));
        InsideWindows.assertEveryDispatchInsideItsWindow(sandbox, reports("ny"));
    }

    @Test
    void aRedialRoundAfterTheWindowClosedRedialsInANewBatchAtTheNextOpening() {
        // given: every attempt fails, and the first pass ends as the window closes
        workspace.clock().advanceTo(Instant.parse("2026-11-26T00:30:00Z"));
        sandbox = workspace.useSandbox(SandboxSettings.defaults().with(sandbox -> {
            sandbox.orgConcurrencyLimit = 20;
            sandbox.ringDuration = Duration.ofSeconds(30);
            sandbox.callDuration = Duration.ofMinutes(2);
            sandbox.failureRate = 1.0;
        }));
        workspace.drop("ny.csv", CsvFiles.numbers(5));

        // when: it is 19:30 in New York, and the round waits an hour
        int exitCode = workspace.run("run", "--bulkcall.redial.rounds=1", "--bulkcall.redial.delay=1h");

        // then
        assertThat(exitCode).isZero();
        assertThat(sandbox.requests(SandboxEndpoint.RETRY_BATCH)).isZero();
        assertThat(sandbox.batches()).hasSize(2);
        assertThat(sandbox.batches().get(1).scheduledAt()).isEqualTo(THURSDAY_OPENING_NEW_YORK);
        ExactlyOnce.assertEveryValidNumberDialedOncePerRound(sandbox, 1, CsvFiles.usNumbers(5));
        InsideWindows.assertEveryDispatchInsideItsWindow(sandbox, reports("ny"));
        assertThat(CsvFiles.records(reports("ny").resolve("results.csv")))
            .allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo("2"));
    }

    @Test
    void aBusyLineIsRedialedItsDelayAfterItsCallWhileAnotherGroupStillWaitsForItsWindow() {
        // given: New York busy at 10:00, dialed again ten minutes after its call; Tokyo opens at 00:00 UTC
        String newYork = "+12125550143";
        String tokyo = "+81312345678";
        sandbox.planOutcomes(newYork, CallOutcome.DIAL_BUSY, CallOutcome.ANSWERED);
        workspace.drop("two.csv", "to_number\n" + newYork + "\n" + tokyo + "\n");

        // when
        int exitCode = workspace.run("run", "--bulkcall.redial.rounds=1", "--bulkcall.redial.delay-after.dial_busy=10m",
                "--bulkcall.poll.interval=30s");

        // then
        assertThat(exitCode).isZero();
        List<Instant> newYorkDials = sandbox.batches().stream()
            .flatMap(batch -> batch.recipients().stream())
            .filter(recipient -> recipient.toNumber().equals(newYork))
            .flatMap(recipient -> recipient.dispatchedAt().stream())
            .sorted()
            .toList();
        Instant busyEnded = newYorkDials.get(0).plus(Duration.ofSeconds(30));
        assertThat(newYorkDials).containsExactly(BulkcallWorkspaces.START, busyEnded.plus(Duration.ofMinutes(10)));
        assertThat(sandbox.batches()).filteredOn(batch -> batch.toNumbers().contains(tokyo))
            .singleElement()
            .satisfies(batch -> assertThat(batch.scheduledAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z")));
        InsideWindows.assertEveryDispatchInsideItsWindow(sandbox, reports("two"));
    }

    private Path reports(String stem) {
        return workspace.reports(1, stem);
    }
}
