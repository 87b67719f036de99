package io.bulkcall.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.InputFile;
import io.bulkcall.job.instance.JobEnding;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.job.instance.TranscriptsFile;
import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.validation.RejectionReason;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Builds a job's {@link JobReport} from the job database: counts aggregated by the database
 * ({@link ReportQuery}), the first rows of {@code rejected.csv}, the calling windows. Its memory does not
 * grow with the number of recipients. Thread-safe.
 */
@Component
class JobReportBuilder {

    /** The rejected rows shown on the page; the rest are in {@code rejected.csv}. */
    static final int REJECTED_SHOWN = 100;

    private final ReportQuery query;
    private final RecipientRepository recipients;
    private final JobRecordRepository jobs;
    private final ReportFolders reportFolders;
    private final CallingWindowLanes lanes;
    private final Clock clock;

    JobReportBuilder(ReportQuery query, RecipientRepository recipients, JobRecordRepository jobs,
            ReportFolders reportFolders, BulkcallProperties properties, Clock clock) {
        this.query = query;
        this.recipients = recipients;
        this.jobs = jobs;
        this.reportFolders = reportFolders;
        this.lanes = new CallingWindowLanes(properties.callingWindow());
        this.clock = clock;
    }

    /**
     * @param resultsWritten whether {@code results.csv} was written (only a completed job has one)
     */
    JobReport build(JobExecution execution, JobEnding ending, boolean resultsWritten) {
        long jobInstanceId = execution.getJobInstanceId();
        InputFile file = InputFile.from(execution.getJobParameters());
        ReportFolder folder = reportFolders.of(jobInstanceId, file);
        Map<String, Long> rejected = query.rejections(jobInstanceId);
        Map<String, Long> suppressed = new LinkedHashMap<>();
        rejected.forEach((reason, count) -> {
            if (RejectionReason.valueOf(reason).isSuppression()) {
                suppressed.put(reason, count);
            }
        });
        List<ZoneGroupOutcome> groups = query.zoneGroups(jobInstanceId);
        Funnel funnel = funnel(groups, total(rejected));
        JobFacts facts = query.facts(jobInstanceId);
        Instant finishedAt = clock.instant();
        Instant startedAt = facts.createdAt() == null ? finishedAt : facts.createdAt();
        CallTimes times = query.callTimes(jobInstanceId, CallDurations.BOUNDS);
        List<HourlyCalls> hours = times.hours();
        List<RedialRoundCount> rounds = query.rounds(jobInstanceId);
        Summary summary = new Summary(file.name(), file.sha256(), jobInstanceId, execution.getId(), funnel.rows(),
                funnel.accepted(), total(rejected), rejected, facts.batches(),
                recipients.countByStatus(jobInstanceId), timeZones(groups), facts.retryRounds(), startedAt, finishedAt,
                Duration.between(startedAt, finishedAt).toMillis() / 1000.0,
                resultsWritten ? folder.resultsCsv().toString() : null, folder.rejectedCsv().toString(),
                folder.reportHtml().toString(), ending.state(), ending.note(), total(suppressed), suppressed, funnel,
                query.endReasons(jobInstanceId), hours,
                CallDurations.of(times.durations()), groups,
                new Redials(facts.retryRounds(), rounds.stream().mapToLong(RedialRoundCount::retries).sum(), rounds,
                        query.recipientsByDials(jobInstanceId), query.redialsByOutcome(jobInstanceId)),
                facts.firstBatchAt(), times.firstStartedAt(), times.lastEndedAt(),
                Summary.Columns.of(jobs.sentColumns(jobInstanceId)));
        ChartSpan span = ChartSpan.of(facts.firstBatchAt(), hours, times.lastEndedAt(), finishedAt);
        return new JobReport(summary, RejectedRowSample.first(folder.rejectedCsv(), REJECTED_SHOWN), lanes.describe(),
                span, span == null ? List.of() : lanes.over(groups, span.start(), span.end()),
                span == null ? 0 : lanes.leftOut(groups),
                files(folder, resultsWritten));
    }

    private static List<ReportFile> files(ReportFolder folder, boolean resultsWritten) {
        List<ReportFile> files = new ArrayList<>(List.of(
                new ReportFile("one row per recipient, with its outcome", folder.resultsCsv(), resultsWritten),
                new ReportFile("every rejected row, with its reason", folder.rejectedCsv(), Files.exists(folder.rejectedCsv())),
                new ReportFile("the counts of this page, for scripts", folder.summaryJson(), true),
                new ReportFile("this page", folder.reportHtml(), true)));
        Path transcripts = folder.path().resolve(TranscriptsFile.TRANSCRIPTS_JSONL);
        if (Files.exists(transcripts)) {
            files.add(new ReportFile("the calls' transcripts: personal data, keep it as such", transcripts, true));
        }
        return files;
    }

    private static Funnel funnel(List<ZoneGroupOutcome> groups, long rejected) {
        long accepted = groups.stream().mapToLong(ZoneGroupOutcome::recipients).sum();
        return new Funnel(accepted + rejected, accepted, groups.stream().mapToLong(ZoneGroupOutcome::dialed).sum(),
                groups.stream().mapToLong(ZoneGroupOutcome::connected).sum(),
                groups.stream().mapToLong(ZoneGroupOutcome::completed).sum());
    }

    private static Map<String, Long> timeZones(List<ZoneGroupOutcome> groups) {
        Map<String, Long> byZones = new TreeMap<>();
        groups.forEach(group -> byZones.put(group.zones(), group.recipients()));
        return byZones;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
