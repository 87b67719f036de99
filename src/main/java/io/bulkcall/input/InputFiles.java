package io.bulkcall.input;

import java.nio.file.Path;
import java.util.Locale;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.csv.Delimiter;
import io.bulkcall.csv.InputFileException;

/**
 * Opens an input file as its type asks, with the {@code bulkcall.input.*} settings: a workbook
 * ({@code .xlsx}, or {@code .xlsm}, the same with macros, which are never run) sheet by sheet row, an
 * old Excel workbook ({@code .xls}) refused with what to do, any other file as CSV text. Thread-safe:
 * it holds only the settings.
 */
public final class InputFiles {

    /** The files a scan of the input folder takes ({@link #isInputFileName}), as help and warnings name them. */
    public static final String TAKEN = "*.csv, *.tsv, *.xlsx and *.xlsm";

    private final Delimiter delimiter;

    private final String sheet;

    private final String numberColumn;

    public InputFiles(BulkcallProperties.Input settings) {
        this.delimiter = Delimiter.ofSetting(settings.delimiter());
        this.sheet = settings.sheet();
        this.numberColumn = settings.numberColumn();
    }

    /**
     * Whether a scan of the input folder takes a file of this name: {@code *.csv}, {@code *.tsv},
     * {@code *.xlsx} or {@code *.xlsm}, in any case ({@code LIST.CSV}, as Windows tools write it), not
     * Excel's {@code ~$} lock files.
     */
    public static boolean isInputFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".csv") || lower.endsWith(".tsv") || isWorkbook(lower)) && !isTransient(name);
    }

    private static boolean isWorkbook(String lowerCaseName) {
        return lowerCaseName.endsWith(".xlsx") || lowerCaseName.endsWith(".xlsm");
    }

    /**
     * Whether a file of this name is one a scan passes over without a word: a copy in progress
     * ({@code *.part}, {@code *.tmp}) or the lock file Excel keeps beside a workbook it has open.
     */
    public static boolean isTransient(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith("~$") || lower.endsWith(".part") || lower.endsWith(".tmp");
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws InputFileException when the file cannot be read, or its header is unusable
     */
    public InputRows open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isWorkbook(name)) {
            return WorkbookRows.open(file, sheet, numberColumn);
        }
        if (name.endsWith(".xls")) {
            throw new InputFileException(file, "is an Excel 97-2003 workbook (.xls), which bulkcall does not read; "
                    + Workbook.SAVE_AS);
        }
        return CsvRows.open(file, delimiter, numberColumn);
    }
}
