/**
 * The job's reports: {@code results.csv} and {@code summary.json}, in a folder per job instance,
 * with cells a spreadsheet would run as formulas neutralized.
 */
package io.bulkcall.report;
