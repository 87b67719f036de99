package io.bulkcall.job.instance;

import java.nio.file.Path;

/**
 * Where a job's reports go: {@code <output-dir>/<job-instance-id>-<file-stem>/} ({@link ReportFolders}),
 * so one file's reports never overwrite another's, and a restart writes into the same folder.
 */
public record ReportFolder(Path path) {

    public static final String REJECTED_CSV = "rejected.csv";
    public static final String RESULTS_CSV = "results.csv";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String REPORT_HTML = "report.html";

    public Path rejectedCsv() {
        return path.resolve(REJECTED_CSV);
    }

    public Path resultsCsv() {
        return path.resolve(RESULTS_CSV);
    }

    public Path summaryJson() {
        return path.resolve(SUMMARY_JSON);
    }

    public Path reportHtml() {
        return path.resolve(REPORT_HTML);
    }
}
