/**
 * Reading and writing CSV files: a streaming RFC 4180 parser of UTF-8 or UTF-16 text, comma, semicolon
 * or tab separated, with per-row malformation reports and file-level limits
 * ({@link io.bulkcall.csv.CsvParser}), the header and rows of input files
 * ({@link io.bulkcall.csv.CsvHeader}, {@link io.bulkcall.csv.CsvRow}) whatever their type, and the
 * writing side of reports ({@link io.bulkcall.csv.CsvWriter}, {@link io.bulkcall.csv.SpreadsheetSafe}).
 */
package io.bulkcall.csv;
