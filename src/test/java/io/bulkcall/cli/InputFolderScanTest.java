package io.bulkcall.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.bulkcall.time.JumpingWaiter;
import io.bulkcall.time.SimulatedClock;
import io.bulkcall.time.Waiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input folder's files as a run takes them, with a quiet period of 5 seconds, on a simulated clock
 * that the scan's waits move and that the files' modification times are set from.
 */
class InputFolderScanTest {

    private static final Duration QUIET = Duration.ofSeconds(5);

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-25T01:30:00Z"));

    @TempDir
    Path input;

    @Test
    void filesUnchangedForTheQuietPeriodAreTakenAtOnceOldestFirst() throws IOException {
        // given
        Path newer = file("newer.csv", Duration.ofMinutes(5));
        Path older = file("older.csv", Duration.ofHours(3));

        // when
        var ready = scan(new JumpingWaiter(clock), () -> false).readyFiles();

        // then
        assertThat(ready).containsExactly(older, newer);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T01:30:00Z"));
    }

    @Test
    void takesCsvTsvAndWorkbookFilesWhateverTheCaseOfTheirEnding() throws IOException {
        // given: names as Windows tools write them
        Path csv = file("LIST.CSV", Duration.ofHours(3));
        Path tsv = file("tabs.tsv", Duration.ofHours(2));
        Path workbook = file("Contacts.XLSX", Duration.ofHours(1));
        Path withMacros = file("Macros.xlsm", Duration.ofMinutes(30));

        // when
        var ready = scan(new JumpingWaiter(clock), () -> false).readyFiles();

        // then
        assertThat(ready).containsExactly(csv, tsv, workbook, withMacros);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void namesTheFilesItDoesNotTakeOtherThanCopiesInProgressAndLockFiles(CapturedOutput output) throws IOException {
        // given
        file("old.xls", Duration.ofHours(1));
        file("numbers.txt", Duration.ofHours(1));
        file("copying.csv.part", Duration.ofHours(1));
        file("notes.TMP", Duration.ofHours(1));
        file("~$Contacts.xlsx", Duration.ofHours(1));
        file(".hidden", Duration.ofHours(1));
        Files.createDirectory(input.resolve("processed"));

        // when
        var ready = scan(new JumpingWaiter(clock), () -> false).readyFiles();

        // then
        assertThat(ready).isEmpty();
        assertThat(output.getAll().lines().filter(line -> line.contains("WARN"))).singleElement().asString()
            .endsWith("numbers.txt, old.xls in " + input + ": not taken, as a run takes only *.csv, *.tsv, *.xlsx and "
                    + "*.xlsm files; save a workbook as .xlsx, and rename a list saved as text (Excel's Unicode Text) to .tsv");
    }

    @Test
    void aFileCopiedInJustBeforeTheRunIsTakenOnceItHasBeenUnchangedForThePeriod() throws IOException {
        // given: copied in 2 seconds ago
        Path fresh = file("fresh.csv", Duration.ofSeconds(2));

        // when
        var ready = scan(new JumpingWaiter(clock), () -> false).readyFiles();

        // then: the scan waited the 3 seconds left of the period
        assertThat(ready).containsExactly(fresh);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T01:30:03Z"));
    }

    @Test
    void aFileThatChangesAgainWhileTheScanWaitsIsLeftForTheNextRun() throws IOException {
        // given: one file settled, one still being written, which changes again during the wait
        Path settled = file("settled.csv", Duration.ofHours(1));
        Path writing = file("writing.csv", Duration.ofSeconds(1));
        Waiter writtenMeanwhile = (until, stop) -> {
            clock.advanceTo(until);
            touch(writing, Duration.ofMillis(200));
            return true;
        };

        // when
        var ready = scan(writtenMeanwhile, () -> false).readyFiles();

        // then
        assertThat(ready).containsExactly(settled);
    }

    @Test
    void aStopEndsTheWaitAtOnceAndGivesEveryFileForTheLauncherToLeaveUnstarted() throws IOException {
        // given
        Path settled = file("settled.csv", Duration.ofHours(1));
        Path fresh = file("fresh.csv", Duration.ofSeconds(1));

        // when
        var files = scan(new JumpingWaiter(clock), () -> true).readyFiles();

        // then
        assertThat(files).containsExactly(settled, fresh);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T01:30:00Z"));
    }

    @Test
    void aModificationTimeAheadOfTheClockWaitsNoLongerThanThePeriod() throws IOException {
        // given: a file stamped an hour ahead, by another machine's clock
        file("ahead.csv", Duration.ofHours(-1));

        // when
        var ready = scan(new JumpingWaiter(clock), () -> false).readyFiles();

        // then
        assertThat(ready).isEmpty();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T01:30:05Z"));
    }

    private InputFolderScan scan(Waiter waiter, BooleanSupplier stop) {
        return new InputFolderScan(input, QUIET, clock, waiter, stop);
    }

    /** A file last changed {@code ago} before the clock's now. */
    private Path file(String name, Duration ago) throws IOException {
        Path file = Files.writeString(input.resolve(name), "to_number\n+12125550143\n");
        touch(file, ago);
        return file;
    }

    private void touch(Path file, Duration ago) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(ago)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
