package io.bulkcall.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * Writes workbooks with Apache POI, another implementation than the reader under test, the way a
 * spreadsheet stores what a person typed: a {@link String} as text (a shared string), a {@link Number}
 * as a number, a {@link LocalDate} as a number of days in a date format (Excel's built-in
 * {@code m/d/yy}), a {@link LocalDateTime} in {@code yyyy-mm-dd hh:mm}, a {@link Boolean} as a boolean, a
 * {@link Formula} as a formula with its value cached, {@code null} as no cell, a {@link Shown} number in
 * a number format of its own. A {@code null} row is left out of the sheet, an empty one has no cells.
 */
public final class Workbooks {

    /** A formula, such as {@code "B2&\" \"&C2"}, cached with its value as Excel saves it. */
    public record Formula(String expression) {
    }

    /** A number shown in a format, such as {@code 0.00E+00}. */
    public record Shown(double number, String format) {
    }

    private Workbooks() {
    }

    /** An {@code .xlsx} workbook of one sheet, {@code Sheet1}. */
    public static Path xlsx(Path file, List<List<Object>> rows) {
        return xlsx(file, Map.of("Sheet1", rows));
    }

    /** An {@code .xlsx} workbook of these sheets, in this order. */
    public static Path xlsx(Path file, Map<String, List<List<Object>>> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook, sheets);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            return write(workbook, file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hides a sheet of an {@code .xlsx} workbook, as Excel's "Hide" on its tab does. */
    public static void hide(Path file, String sheet) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.HIDDEN);
            write(workbook, file);
        }
    }

    /**
     * Writes one part of an {@code .xlsx} workbook anew, as no spreadsheet would (a cell longer than
     * Excel holds, a sheet that inflates like a zip bomb), the other parts as they were.
     *
     * @param part the part's name in the archive, such as {@code xl/worksheets/sheet1.xml}
     */
    public static void rewrite(Path file, String part, PartContent content) throws IOException {
        byte[] original = Files.readAllBytes(file);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    content.writeTo(out);
                }
                else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** What {@link #rewrite} writes as a part. */
    @FunctionalInterface
    public interface PartContent {

        void writeTo(OutputStream part) throws IOException;

        static PartContent of(String xml) {
            return part -> part.write(xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A macro-enabled workbook ({@code .xlsm}) of one sheet, {@code Sheet1}: an {@code .xlsx} with another type. */
    public static Path xlsm(Path file, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            fill(workbook, Map.of("Sheet1", rows));
            return write(workbook, file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Excel 97-2003 workbook ({@code .xls}, an OLE2 compound file), of one sheet. */
    public static Path xls(Path file, List<List<Object>> rows) {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            fill(workbook, Map.of("Sheet1", rows));
            return write(workbook, file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of cells, for {@link #xlsx}: {@code rows(row("to_number", "name"), row("+1 212 555 0143", "Ann"))}. */
    @SafeVarargs
    public static List<List<Object>> rows(List<Object>... rows) {
        return Arrays.asList(rows);
    }

    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** Sheets in tab order, for {@link #xlsx(Path, Map)}. */
    public static Map<String, List<List<Object>>> sheets(String name, List<List<Object>> rows, String otherName,
            List<List<Object>> otherRows) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put(name, rows);
        sheets.put(otherName, otherRows);
        return sheets;
    }

    private static void fill(Workbook workbook, Map<String, List<List<Object>>> sheets) {
        CellStyle date = style(workbook, "m/d/yy");
        CellStyle dateTime = style(workbook, "yyyy-mm-dd hh:mm");
        sheets.forEach((name, rows) -> {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r) == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value != null) {
                        set(row.createCell(c), value, date, dateTime);
                    }
                }
            }
        });
    }

    private static void set(Cell cell, Object value, CellStyle date, CellStyle dateTime) {
        if (value instanceof String text) {
            cell.setCellValue(text);
        }
        else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        }
        else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        }
        else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        }
        else if (value instanceof LocalDateTime moment) {
            cell.setCellValue(moment);
            cell.setCellStyle(dateTime);
        }
        else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.expression());
        }
        else if (value instanceof Shown shown) {
            cell.setCellValue(shown.number());
            cell.setCellStyle(style(cell.getSheet().getWorkbook(), shown.format()));
        }
        else {
            throw new IllegalArgumentException("no cell for " + value);
        }
    }

    private static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    private static Path write(Workbook workbook, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
