/**
 * The job's reports, in a folder per job instance: {@code results.csv} (one row per recipient, cells a
 * spreadsheet would run as formulas neutralized), {@code summary.json} (every count) and
 * {@code report.html} (the same counts for a person: one self-contained, printable page). The summary and
 * the page come from one {@link io.bulkcall.report.JobReport}, aggregated by the job database, and are
 * written at the end of every job, whether it completed, failed, stopped or was refused by validation.
 * The page is a Mustache template ({@code report/report.html.mustache} among the resources) filled with
 * a {@link io.bulkcall.report.ReportView}: the markup stays in the template, the figures are worked out
 * in Java, and escaping is left to the engine.
 */
package io.bulkcall.report;

