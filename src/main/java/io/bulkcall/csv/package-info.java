/**
 * Reading and writing CSV files: a streaming RFC 4180 parser with per-row malformation reports and
 * file-level limits ({@link io.bulkcall.csv.CsvParser}), the restartable Spring Batch reader of input
 * files ({@link io.bulkcall.csv.CsvRecordReader}), and the writing side of reports
 * ({@link io.bulkcall.csv.CsvWriter}, {@link io.bulkcall.csv.SpreadsheetSafe}).
 */
package io.bulkcall.csv;
