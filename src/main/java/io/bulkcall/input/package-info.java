/**
 * The rows of an input file, whatever its type ({@link io.bulkcall.input.InputRows}), opened by
 * {@link io.bulkcall.input.InputFiles} as the file's type and {@code bulkcall.input.*} ask: CSV text
 * through {@link io.bulkcall.csv.CsvParser}, or a sheet of an {@code .xlsx} (or {@code .xlsm}) workbook
 * streamed with the JDK's StAX parser, its shared strings in a temporary file, so a workbook of a
 * million rows is read in the heap a CSV file needs.
 */
package io.bulkcall.input;
