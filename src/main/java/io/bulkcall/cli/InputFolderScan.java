package io.bulkcall.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.input.InputFiles;

import org.springframework.stereotype.Component;

/**
 * Finds the input files that are ready: {@code *.csv} and {@code *.xlsx} in the input folder (not below
 * it), not hidden, unchanged for {@code bulkcall.input-quiet-period} so that a file still being copied
 * in is left for the next run, oldest first. Files named {@code *.part} or {@code *.tmp} never match,
 * nor the {@code ~$name.xlsx} lock files Excel keeps beside a workbook it has open.
 */
@Component
class InputFolderScan {

    private final Path inputDir;
    private final Duration quietPeriod;
    private final Clock clock;

    /**
     * On the system clock, not the application's: a file's modification time is the file system's, so
     * only the system's time says how long ago it was, whatever clock the job's calls run on.
     */
    public InputFolderScan(BulkcallProperties properties) {
        this.inputDir = properties.inputDir();
        this.quietPeriod = properties.inputQuietPeriod();
        this.clock = Clock.systemUTC();
    }

    public Path folder() {
        return inputDir;
    }

    public List<Path> readyFiles() {
        if (!Files.isDirectory(inputDir)) {
            return List.of();
        }
        FileTime settledBefore = FileTime.from(clock.instant().minus(quietPeriod));
        try (Stream<Path> entries = Files.list(inputDir)) {
            return entries.filter(InputFolderScan::isCandidate)
                .filter(file -> modified(file).compareTo(settledBefore) <= 0)
                .sorted(Comparator.comparing(InputFolderScan::modified).thenComparing(Path::getFileName))
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inputDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return InputFiles.isInputFileName(name) && !name.startsWith(".") && Files.isRegularFile(file);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
