package io.bulkcall.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header row of an input file: its column names, which one holds the number to dial, and which
 * one, if any, the recipient's time zone. Every other column is metadata, keyed by its name.
 *
 * @param columns the column names in file order, surrounding spaces removed
 * @param numberColumn the index of the number column in {@link #columns()}
 * @param timeZoneColumn the index of the {@code time_zone} column, or -1 when there is none
 */
public record CsvHeader(List<String> columns, int numberColumn, int timeZoneColumn) {

    /** Names accepted for the number column, compared case-insensitively after trimming. */
    public static final List<String> NUMBER_COLUMN_NAMES = List.of("to_number", "phone", "phone_number");

    /** Names accepted for the time zone column, compared case-insensitively after trimming. */
    public static final List<String> TIME_ZONE_COLUMN_NAMES = List.of("time_zone", "timezone");

    /** More columns than this in a header make the file unreadable, whatever the rows hold. */
    public static final int MAX_COLUMNS = 1000;

    private static final int COLUMNS_NAMED_IN_ERRORS = 20;

    public CsvHeader {
        columns = List.copyOf(columns);
        if (numberColumn < 0 || numberColumn >= columns.size()) {
            throw new IllegalArgumentException("numberColumn " + numberColumn + " is not a column of " + columns);
        }
        if (timeZoneColumn < -1 || timeZoneColumn >= columns.size() || timeZoneColumn == numberColumn) {
            throw new IllegalArgumentException("timeZoneColumn " + timeZoneColumn + " is not a column of " + columns);
        }
    }

    /** A header without a time zone column. */
    public CsvHeader(List<String> columns, int numberColumn) {
        this(columns, numberColumn, -1);
    }

    /**
     * Reads a header from the first record of a file.
     *
     * @param file the file, for error messages
     * @param row the first non-blank record of the file, or {@code null} when there is none
     * @throws InputFileException when there is no header, no number column or more than one, a column
     *         without a name, a name used twice, or more than {@link #MAX_COLUMNS} columns
     */
    public static CsvHeader of(Path file, CsvRow row) {
        if (row == null) {
            throw new InputFileException(file,
                    "is empty; the first line must be a header naming the columns, one of them " + numberColumnNames());
        }
        List<String> cells = row.values();
        if (cells.size() > MAX_COLUMNS) {
            throw new InputFileException(file, row.line(),
                    "has " + cells.size() + " columns; at most " + MAX_COLUMNS + " are supported");
        }
        if (row.isMalformed()) {
            throw new InputFileException(file, row.line(), "the header is malformed: " + row.malformation());
        }
        List<String> names = cells.stream().map(String::strip).toList();
        checkNames(file, row.line(), names);
        List<Integer> numberColumns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (isNumberColumnName(names.get(i))) {
                numberColumns.add(i);
            }
        }
        if (numberColumns.isEmpty()) {
            throw new InputFileException(file, row.line(), "has no number column; name one "
                    + numberColumnNames() + " (columns found: " + listed(names) + ")");
        }
        if (numberColumns.size() > 1) {
            throw new InputFileException(file, row.line(), "has more than one number column ("
                    + numberColumns.stream().map(names::get).collect(Collectors.joining(", ")) + "); keep one");
        }
        List<Integer> timeZoneColumns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (TIME_ZONE_COLUMN_NAMES.contains(names.get(i).toLowerCase(Locale.ROOT))) {
                timeZoneColumns.add(i);
            }
        }
        if (timeZoneColumns.size() > 1) {
            throw new InputFileException(file, row.line(), "has more than one time zone column ("
                    + timeZoneColumns.stream().map(names::get).collect(Collectors.joining(", ")) + "); keep one");
        }
        return new CsvHeader(names, numberColumns.get(0), timeZoneColumns.isEmpty() ? -1 : timeZoneColumns.get(0));
    }

    private static void checkNames(Path file, long line, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new InputFileException(file, line, "column " + (i + 1)
                        + " has no name; name it or delete the column (columns found: " + listed(names) + ")");
            }
            if (!seen.add(name)) {
                throw new InputFileException(file, line, "names the column \"" + name
                        + "\" more than once (columns found: " + listed(names) + ")");
            }
        }
    }

    /** Whether a header cell names the number column: {@code to_number}, {@code phone} or {@code phone_number}, in any case, spaces around ignored. */
    public static boolean isNumberColumnName(String name) {
        return NUMBER_COLUMN_NAMES.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    private static String numberColumnNames() {
        return String.join(", ", NUMBER_COLUMN_NAMES.subList(0, NUMBER_COLUMN_NAMES.size() - 1)) + " or "
                + NUMBER_COLUMN_NAMES.get(NUMBER_COLUMN_NAMES.size() - 1);
    }

    private static String listed(List<String> names) {
        String shown = names.stream().limit(COLUMNS_NAMED_IN_ERRORS)
                .map(name -> name.isEmpty() ? "(no name)" : name)
                .collect(Collectors.joining(", "));
        return names.size() > COLUMNS_NAMED_IN_ERRORS ? shown + ", … (" + names.size() + " in all)" : shown;
    }

    public int size() {
        return columns.size();
    }

    public String numberColumnName() {
        return columns.get(numberColumn);
    }

    /** Whether the column at this index is metadata: neither the number nor the time zone. */
    public boolean isMetadata(int column) {
        return column != numberColumn && column != timeZoneColumn;
    }

    /** The names of the metadata columns: every column but the number and time zone columns, in file order. */
    public List<String> metadataColumns() {
        List<String> metadata = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (isMetadata(i)) {
                metadata.add(columns.get(i));
            }
        }
        return List.copyOf(metadata);
    }
}
