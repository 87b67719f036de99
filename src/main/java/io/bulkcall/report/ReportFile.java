package io.bulkcall.report;

import java.nio.file.Path;

/**
 * One of a job's report files, as the page lists it.
 *
 * @param written whether it exists when the page is written
 */
record ReportFile(String what, Path path, boolean written) {
}
