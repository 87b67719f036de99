package io.bulkcall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.csv.InputFileException;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.JobFailures;
import io.bulkcall.job.launch.FileJobLauncher;
import io.bulkcall.job.launch.JobCanceller;
import io.bulkcall.job.launch.JobCanceller.Cancellation;
import io.bulkcall.job.launch.JobLaunchFailure;
import io.bulkcall.job.launch.JobRun;
import io.bulkcall.job.launch.JobStatusQuery;
import io.bulkcall.job.store.RecipientPurge;
import io.bulkcall.metrics.BulkcallMetrics;
import io.bulkcall.time.Durations;
import io.bulkcall.validation.Counts;
import io.bulkcall.validation.FileValidation;
import io.bulkcall.validation.RejectRatio;
import io.bulkcall.validation.ValidationReport;
import io.bulkcall.validation.ValidationStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What each command does, in terms of the job package, and the one line it ends with. Returns
 * {@link ExitCodes}.
 */
@Component
class CommandActions {

    private static final Logger log = LoggerFactory.getLogger(CommandActions.class);
    private static final int RECENT_JOBS = 50;
    private static final DateTimeFormatter ENDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);

    private final FileJobLauncher launcher;
    private final JobStatusQuery statusQuery;
    private final JobCanceller canceller;
    private final InputFolderScan scan;
    private final FileValidation fileValidation;
    private final RecipientPurge purge;
    private final BulkcallProperties properties;
    private final BulkcallMetrics metrics;

    public CommandActions(FileJobLauncher launcher, JobStatusQuery statusQuery, JobCanceller canceller,
            InputFolderScan scan, FileValidation fileValidation, RecipientPurge purge, BulkcallProperties properties,
            BulkcallMetrics metrics) {
        this.launcher = launcher;
        this.statusQuery = statusQuery;
        this.canceller = canceller;
        this.scan = scan;
        this.fileValidation = fileValidation;
        this.purge = purge;
        this.properties = properties;
        this.metrics = metrics;
    }

    int run(List<Path> files) {
        if (files.isEmpty() && !Files.isDirectory(scan.folder())) {
            // a folder named wrong would otherwise find nothing to do, and exit 0, every night
            String why = Files.exists(scan.folder()) ? "is a file, not a folder" : "no such folder";
            log.error("{}: {} (bulkcall.input-dir); create it, or set bulkcall.input-dir to the folder the files are put in",
                    scan.folder().toAbsolutePath().normalize(), why);
            return ExitCodes.USAGE;
        }
        if (!jobFoldersWritable()) {
            return ExitCodes.USAGE;
        }
        int exitCode = purgePastRetention();
        List<Path> work = files.isEmpty() ? scan.readyFiles() : onceEach(files);
        if (work.isEmpty()) {
            log.info("No CSV file or workbook is ready in {}", scan.folder().toAbsolutePath().normalize());
            return succeeded(exitCode);
        }
        for (Path file : work) {
            if (files.isEmpty() && !Files.exists(file)) {
                // nodes sharing the input folder: another one took the file since the scan
                log.info("{}: no longer in the input folder (taken by another process?); skipped", file.getFileName());
                continue;
            }
            exitCode = ExitCodes.worst(exitCode, report(() -> launcher.run(file)));
        }
        return succeeded(exitCode);
    }

    /**
     * A purge refused by the job database fails the night, which goes on: keeping recipients longer than
     * the retention is for the operator to see, not a reason to leave tonight's files uncalled.
     */
    private int purgePastRetention() {
        Duration retention = properties.retention().recipients();
        try {
            purge.purge(retention, job -> reportPurged(job, "bulkcall.retention.recipients"));
            return ExitCodes.COMPLETED;
        }
        catch (DataAccessException refused) {
            return purgeStopped("The purge of the jobs that ended more than %s ago (bulkcall.retention.recipients)"
                .formatted(Durations.setting(retention)), refused, "the next run");
        }
    }

    /**
     * The files named, each once however it was named ({@code input/*.csv input/a.csv}, {@code a.csv}
     * and {@code ./a.csv}): its second run would find it moved to {@code processed/}, and fail a night
     * whose one job completed.
     */
    private static List<Path> onceEach(List<Path> files) {
        Map<Path, Path> byLocation = new LinkedHashMap<>();
        for (Path file : files) {
            if (byLocation.putIfAbsent(location(file), file) != null) {
                log.info("{}: named more than once; taken once", file);
            }
        }
        return List.copyOf(byLocation.values());
    }

    private static Path location(Path file) {
        try {
            return file.toRealPath();
        }
        catch (IOException notThere) {
            return file.toAbsolutePath().normalize();
        }
    }

    int restart(long executionId) {
        if (!jobFoldersWritable()) {
            return ExitCodes.USAGE;
        }
        return succeeded(report(() -> launcher.restart(executionId)));
    }

    /**
     * Whether this user can write where a job writes: the reports, and the input folder's
     * {@code processed/} and {@code failed/} its file moves to. Asked before any job starts, which would
     * otherwise read its whole file, and dial it, before it failed to write its reports or move it.
     */
    private boolean jobFoldersWritable() {
        Path input = properties.inputDir();
        return writable(properties.outputDir(), "bulkcall.output-dir") && writable(input.resolve("processed"), "bulkcall.input-dir")
                && writable(input.resolve("failed"), "bulkcall.input-dir");
    }

    /**
     * Whether this user can write in the folder, or make it in the nearest one there is; if not, says so
     * in a line naming the setting. A file in the folder's place is {@link SettingsCheck}'s.
     */
    private static boolean writable(Path folder, String setting) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        if (Files.isWritable(existing)) {
            return true;
        }
        log.error("{}: cannot be written (permission denied{}) ({}); run bulkcall as the user that owns it, or set {} "
                + "to a folder this user can write", absolute, existing.equals(absolute) ? "" : " in " + existing, setting,
                setting);
        return false;
    }

    /**
     * A run or restart that exits 0 is the success the metrics' last-success time stamp records: every job
     * it ran completed, and it left no file to a process that is gone. A night with nothing to do is one.
     */
    private int succeeded(int exitCode) {
        if (exitCode == ExitCodes.COMPLETED) {
            metrics.runSucceeded();
        }
        return exitCode;
    }

    int validate(List<Path> files) {
        if (!writable(properties.outputDir(), "bulkcall.output-dir")) {
            return ExitCodes.USAGE;
        }
        List<Path> work = onceEach(files);
        Map<Path, Path> rejectedCsvs = rejectedCsvs(work);
        int exitCode = ExitCodes.COMPLETED;
        for (int next = 0; next < work.size(); next++) {
            Path file = work.get(next);
            if (!Files.isRegularFile(file)) {
                // as run says it: a name that is no file is the command line's mistake, not the file's
                log.error("{}: {}", file, InputFile.whyNotAFile(file));
                exitCode = ExitCodes.worst(exitCode, ExitCodes.USAGE);
                continue;
            }
            String name = shownName(file, work);
            Path rejected = rejectedCsvs.get(file);
            ValidationReport report;
            try {
                report = fileValidation.validate(file, rejected);
            }
            catch (InputFileException unusable) {
                // one unusable file says nothing about the next ones: validate them all
                log.error(unusable.getMessage());
                exitCode = ExitCodes.worst(exitCode, ExitCodes.REJECTED);
                continue;
            }
            catch (ValidationStoppedException stopped) {
                int firstNotValidated = next;
                if (stopped.rows() > 0) {
                    log.error("{}: validation stopped after {}, as bulkcall was asked to stop; {} not written",
                            name, Counts.of(stopped.rows(), "row"), rejected);
                    firstNotValidated++;
                }
                work.subList(firstNotValidated, work.size())
                    .forEach(notValidated -> log.error("{}: not validated: bulkcall was asked to stop",
                            shownName(notValidated, work)));
                return ExitCodes.worst(exitCode, ExitCodes.FAILED);
            }
            log.info("{}: {}", name, report.sentColumns().describe());
            report.sentColumns().warnings().forEach(warning -> log.warn("{}: {}", name, warning));
            Optional<String> notDialed = new RejectRatio(properties.validation().maxRejectRatio())
                .whyNotDialed(report.tally());
            boolean dialable = notDialed.isEmpty();
            String readAs = report.readAs().isEmpty() ? "" : " (" + report.readAs() + ")";
            String line = "%s%s: %s; rejected rows in %s%s".formatted(name, readAs, report.tally().describe(), rejected,
                    notDialed.map(why -> "; a run would not dial this file: " + why).orElse(""));
            if (dialable) {
                log.info(line);
            }
            else {
                log.warn(line);
                exitCode = ExitCodes.worst(exitCode, ExitCodes.REJECTED);
            }
        }
        return exitCode;
    }

    /**
     * Where each file's rejected rows go: {@code validate-<stem>/rejected.csv} in the output folder, and
     * for a later file of the same stem ({@code list.csv} of two folders, {@code list.csv} and
     * {@code list.xlsx}) {@code validate-<stem>-2}, {@code -3}: no file's report replaces another's.
     */
    private Map<Path, Path> rejectedCsvs(List<Path> files) {
        Set<String> taken = new HashSet<>();
        Map<Path, Path> rejectedCsvs = new HashMap<>();
        for (Path file : files.stream().filter(Files::isRegularFile).toList()) {
            String first = "validate-" + file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            String folder = first;
            for (int nth = 2; !taken.add(folder); nth++) {
                folder = first + "-" + nth;
            }
            rejectedCsvs.put(file, properties.outputDir().resolve(folder).resolve("rejected.csv"));
        }
        return rejectedCsvs;
    }

    /** A file by its name, or as it was named where another file of the command has the same name. */
    private static String shownName(Path file, List<Path> files) {
        Path name = file.getFileName();
        boolean shared = files.stream().filter(other -> other.getFileName().equals(name)).count() > 1;
        return (shared ? file : name).toString();
    }

    int status(Long executionId, boolean json, PrintWriter out) {
        if (executionId == null) {
            var jobs = statusQuery.recent(RECENT_JOBS);
            if (json) {
                StatusJson.jobs(jobs, out);
            }
            else {
                StatusTable.jobs(jobs, statusQuery.databaseFile(), out);
            }
            return ExitCodes.COMPLETED;
        }
        return statusQuery.of(executionId).map(job -> {
            if (json) {
                StatusJson.job(job, out);
            }
            else {
                StatusTable.job(job, out);
            }
            return ExitCodes.COMPLETED;
        }).orElseGet(() -> {
            log.error("there is no job {}; `bulkcall status` lists the jobs", executionId);
            return ExitCodes.USAGE;
        });
    }

    int purge(Duration olderThan) {
        String because = "--older-than " + Durations.setting(olderThan);
        RecipientPurge.Purges purged;
        try {
            purged = purge.purge(olderThan, job -> reportPurged(job, because));
        }
        catch (DataAccessException refused) {
            return purgeStopped("The purge", refused, "`bulkcall purge` again");
        }
        if (purged.stopped()) {
            return purgeStopped("The purge", "bulkcall was asked to stop", "`bulkcall purge` again");
        }
        if (purged.jobs().isEmpty()) {
            log.info("No job that completed or was refused more than {} ago still holds recipients", Durations.setting(olderThan));
        }
        return ExitCodes.COMPLETED;
    }

    private static int purgeStopped(String purge, DataAccessException refused, String again) {
        return purgeStopped(purge, "the job database refused it (" + JobFailures.firstLine(JobFailures.readableCause(refused)) + ")",
                again);
    }

    private static int purgeStopped(String purge, String why, String again) {
        log.error("{} stopped: {}; the jobs listed above, if any, are purged, and {} takes the rest", purge, why, again);
        return ExitCodes.FAILED;
    }

    private static void reportPurged(RecipientPurge.Purged job, String because) {
        log.info("Purged the {} of job {} ({}, ended {}; {}); its counts stay", Counts.of(job.recipients(), "recipient"),
                job.jobExecutionId(), job.file(), ENDED.format(job.endedAt()), because);
    }

    int cancel(long executionId) {
        try {
            Cancellation cancellation = canceller.cancel(executionId);
            if (cancellation.alreadyCompleted()) {
                log.info("job {} ({}) has already completed; nothing to cancel", executionId, cancellation.file());
            }
            else {
                log.info("Job {}: cancelled {} on Cartesia and stopped the job; calls in flight finish. "
                        + "`bulkcall restart {}` collects their outcomes and writes the reports", executionId,
                        Counts.of(cancellation.batches(), "call batch"), executionId);
            }
            return ExitCodes.COMPLETED;
        }
        catch (JobLaunchFailure failure) {
            log.error(failure.getMessage());
            return ExitCodes.USAGE;
        }
        catch (CartesiaException notAllCancelled) {
            log.error("Job {}: {}", executionId, notAllCancelled.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** The line of a file's run: INFO when it leaves nothing to do (a file another live process runs included), ERROR otherwise. */
    private int report(Launch launch) {
        try {
            JobRun run = launch.run();
            if (run.exitCode() == ExitCodes.COMPLETED) {
                log.info(run.message());
            }
            else {
                log.error(run.message());
            }
            return run.exitCode();
        }
        catch (JobLaunchFailure failure) {
            log.error(failure.getMessage());
            return ExitCodes.USAGE;
        }
    }

    @FunctionalInterface
    private interface Launch {
        JobRun run() throws JobLaunchFailure;
    }
}
