package io.bulkcall.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.bulkcall.job.launch.JobStatus;
import io.bulkcall.job.launch.JobStatus.Group;
import io.bulkcall.job.store.TrackedBatch;

/**
 * Formats {@code bulkcall status}: a table of jobs with a progress line for each running one, or one
 * job with its progress, its time-zone groups and its batches. Plain text with aligned columns, for a
 * terminal or a log.
 */
final class StatusTable {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StatusTable() {
    }

    /**
     * @param databaseFile the job database's file, named under an empty table: run from another folder,
     *     the default's relative path finds another job database, new and empty
     */
    static void jobs(List<JobStatus> jobs, Optional<Path> databaseFile, PrintWriter out) {
        table(jobs, out);
        if (jobs.isEmpty()) {
            out.printf("%nNo job in %s%n", databaseFile
                .map(file -> file + " (spring.datasource.url; a relative path in it is read from the folder bulkcall runs in)")
                .orElse("the job database (spring.datasource.url)"));
        }
        List<JobStatus> running = jobs.stream().filter(JobStatus::isRunning).toList();
        if (!running.isEmpty()) {
            out.println();
        }
        for (JobStatus job : running) {
            out.printf("Job %d (%s): %s%n", job.executionId(), job.file(), ProgressLine.of(job));
        }
        out.flush();
    }

    static void job(JobStatus job, PrintWriter out) {
        table(List.of(job), out);
        out.printf("%nProgress: %s%n", ProgressLine.of(job));
        if (job.exitDescription() != null && !job.exitDescription().isBlank()) {
            out.printf("Last exit: %s%n", job.exitDescription().lines().findFirst().orElse(""));
        }
        out.println();
        String groupFormat = "%-32s %-42s %8s %8s %8s %9s%n";
        out.printf(groupFormat, "ZONES", "CALLING WINDOW", "WAITING", "QUEUED", "DIALED", "FINISHED");
        for (Group group : job.groups()) {
            out.printf(groupFormat, abbreviate(group.zones(), 32), ProgressLine.window(group, job.asOf()),
                    group.waiting(), group.queued(), group.dialed(), group.finished());
        }
        out.println();
        String format = "%-6s %-26s %-14s %-11s %-12s %-8s %s%n";
        out.printf(format, "BATCH", "BATCH ID", "STATUS", "RECIPIENTS", "CALLS DONE", "RETRIES", "NAME");
        for (TrackedBatch batch : job.batches()) {
            out.printf(format, batch.batchNo(), batch.batchId() == null ? "(in doubt)" : batch.batchId(),
                    batch.status() == null ? "-" : batch.status(), batch.recipients(),
                    batch.callsFinished() + "/" + batch.callsScheduled(), batch.retryCount(), batch.name());
        }
        out.flush();
    }

    private static void table(List<JobStatus> jobs, PrintWriter out) {
        String format = "%-6s %-28s %-10s %-8s %-15s %-9s %-7s %-19s %s%n";
        out.printf(format, "JOB", "FILE", "STATE", "BATCHES", "CALLS DONE", "COMPLETED", "FAILED", "STARTED", "DURATION");
        for (JobStatus job : jobs) {
            out.printf(format, job.executionId(), abbreviate(job.file(), 28), job.state(),
                    job.batchesFinished() + "/" + job.batches().size(), job.progress().done() + "/" + job.progress().total(),
                    job.completed(), job.failed(), job.started() == null ? "-" : STARTED.format(job.started()),
                    duration(job.duration()));
        }
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 3600 ? "%dm%02ds".formatted(seconds / 60, seconds % 60)
                : "%dh%02dm".formatted(seconds / 3600, seconds % 3600 / 60);
    }
}
