package io.bulkcall.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.input.InputFiles;
import io.bulkcall.time.Durations;
import io.bulkcall.time.SleepingWaiter;
import io.bulkcall.time.StopSignal;
import io.bulkcall.time.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds the input files that are ready: {@code *.csv}, {@code *.tsv}, {@code *.xlsx} and
 * {@code *.xlsm}, in any case, in the input folder (not below it), not hidden, unchanged for
 * {@code bulkcall.input-quiet-period}, oldest first. Files named {@code *.part} or {@code *.tmp} never
 * match, nor the {@code ~$name.xlsx} lock files Excel keeps beside a workbook it has open; any other file is named in a warning, as one an operator
 * may have meant to be called ({@code contacts.xls}). A file that changed within the quiet period may
 * be a copy that ended just before the run: the scan waits for it once, at most the quiet period, and
 * takes it if it did not change again; one that did is still being written, and is left for the next
 * run with a line that says so.
 */
@Component
class InputFolderScan {

    private static final Logger log = LoggerFactory.getLogger(InputFolderScan.class);

    private final Path inputDir;
    private final Duration quietPeriod;
    private final Clock clock;
    private final Waiter waiter;
    private final BooleanSupplier stopRequested;

    /**
     * On the system clock, not the application's: a file's modification time is the file system's, so
     * only the system's time says how long ago it was, whatever clock the job's calls run on.
     */
    @Autowired
    InputFolderScan(BulkcallProperties properties, StopSignal stop) {
        this(properties.inputDir(), properties.inputQuietPeriod(), Clock.systemUTC(),
                new SleepingWaiter(Clock.systemUTC()), stop::requested);
    }

    /**
     * @param clock the clock of the file system's modification times
     * @param waiter waits on that clock
     * @param stopRequested ends the wait for a file that changed
     */
    InputFolderScan(Path inputDir, Duration quietPeriod, Clock clock, Waiter waiter, BooleanSupplier stopRequested) {
        this.inputDir = inputDir;
        this.quietPeriod = quietPeriod;
        this.clock = clock;
        this.waiter = waiter;
        this.stopRequested = stopRequested;
    }

    public Path folder() {
        return inputDir;
    }

    /**
     * The files that are ready, oldest first, once those that changed within the quiet period have had
     * it to settle. A stop ends that wait at once, and every file is returned, for the launcher to say
     * that it did not start them because it was asked to stop.
     */
    public List<Path> readyFiles() {
        List<Path> listed = listing();
        warnOfFilesNotTaken(listed);
        List<Entry> entries = entries(listed);
        List<Entry> changing = changing(entries);
        if (!changing.isEmpty()) {
            Instant lastChange = changing.stream().map(Entry::modified).max(Comparator.naturalOrder()).orElseThrow();
            Instant now = clock.instant();
            // a modification time ahead of the clock (another machine's, on a shared folder) waits no longer
            Instant settled = (lastChange.isAfter(now) ? now : lastChange).plus(quietPeriod);
            long seconds = (Duration.between(now, settled).toMillis() + 999) / 1000;
            log.info("Waiting {} for {} to be unchanged for bulkcall.input-quiet-period ({}): {} may still be being copied in",
                    Durations.human(Duration.ofSeconds(seconds)), names(changing), Durations.setting(quietPeriod),
                    changing.size() == 1 ? "it" : "they");
            boolean waited = waiter.waitUntil(settled, stopRequested);
            entries = entries(listing());
            if (!waited) {
                return oldestFirst(entries);
            }
        }
        List<Entry> stillChanging = changing(entries);
        if (!stillChanging.isEmpty()) {
            log.info("{} changed less than bulkcall.input-quiet-period ({}) ago: left for the next run, as {} still being written",
                    names(stillChanging), Durations.setting(quietPeriod), stillChanging.size() == 1 ? "it is" : "they are");
        }
        return oldestFirst(entries.stream().filter(entry -> !stillChanging.contains(entry)).toList());
    }

    /** The files and folders in the input folder, none if there is no such folder. */
    private List<Path> listing() {
        if (!Files.isDirectory(inputDir)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(inputDir)) {
            return listed.toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inputDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The candidates of a listing, each with when it last changed; one that is gone by then (taken by
     * another node sharing the folder) is not one.
     */
    private static List<Entry> entries(List<Path> listed) {
        return listed.stream()
            .filter(InputFolderScan::isCandidate)
            .flatMap(file -> modified(file).map(at -> new Entry(file, at)).stream())
            .toList();
    }

    private void warnOfFilesNotTaken(List<Path> listed) {
        List<String> others = listed.stream()
            .filter(Files::isRegularFile)
            .map(file -> file.getFileName().toString())
            .filter(name -> !name.startsWith(".") && !InputFiles.isInputFileName(name) && !InputFiles.isTransient(name))
            .sorted()
            .toList();
        if (!others.isEmpty()) {
            log.warn("{} in {}: not taken, as a run takes only " + InputFiles.TAKEN + " files; save a workbook as "
                    + ".xlsx, and rename a list saved as text (Excel's Unicode Text) to .tsv", String.join(", ", others),
                    inputDir);
        }
    }

    /** The entries that changed within the quiet period, as the clock reads now, by name. */
    private List<Entry> changing(List<Entry> entries) {
        Instant settledBefore = clock.instant().minus(quietPeriod);
        return entries.stream()
            .filter(entry -> entry.modified().isAfter(settledBefore))
            .sorted(Comparator.comparing(Entry::file))
            .toList();
    }

    private static List<Path> oldestFirst(List<Entry> entries) {
        return entries.stream()
            .sorted(Comparator.comparing(Entry::modified).thenComparing(entry -> entry.file().getFileName()))
            .map(Entry::file)
            .toList();
    }

    private static String names(List<Entry> entries) {
        return entries.stream().map(entry -> entry.file().getFileName().toString()).collect(Collectors.joining(", "));
    }

    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return InputFiles.isInputFileName(name) && !name.startsWith(".") && Files.isRegularFile(file);
    }

    /** When the file last changed; empty once it is gone. */
    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        }
        catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A file of the folder, and when it last changed, as one listing found it. */
    private record Entry(Path file, Instant modified) {
    }
}
