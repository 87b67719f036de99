package io.bulkcall.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The header row of an input file: its column names, which one holds the number to dial, and which
 * one, if any, the recipient's time zone. Every other column is metadata, keyed by its name.
 *
 * <p>The number column is the {@code to_number} column when there is one; otherwise the column that
 * {@code bulkcall.input.number-column} names, when set; otherwise the one column named like a phone
 * number ({@link #NUMBER_COLUMN_NAMES}). Names are compared {@linkplain #isNumberColumnName ignoring
 * case, spaces, {@code -} and {@code _}}, so {@code Phone Number} and {@code mobile-number} match.
 *
 * @param columns the column names in file order, surrounding spaces removed
 * @param numberColumn the index of the number column in {@link #columns()}
 * @param timeZoneColumn the index of the {@code time_zone} column, or -1 when there is none
 */
public record CsvHeader(List<String> columns, int numberColumn, int timeZoneColumn) {

    /**
     * Names accepted for the number column, compared ignoring case, spaces, {@code -} and {@code _}; the
     * first, {@code to_number}, wins over the others, which are then metadata.
     */
    public static final List<String> NUMBER_COLUMN_NAMES = List.of("to_number", "phone", "phone_number", "telephone",
            "mobile", "mobile_number", "cell", "cell_phone");

    /** The setting that names the number column of files whose header names it otherwise. */
    private static final String NUMBER_COLUMN_SETTING = "bulkcall.input.number-column";

    private static final String TO_NUMBER = comparable(NUMBER_COLUMN_NAMES.get(0));

    private static final List<String> COMPARABLE_NUMBER_COLUMN_NAMES = NUMBER_COLUMN_NAMES.stream()
        .map(CsvHeader::comparable)
        .toList();

    /**
     * The time zone column's name, compared as the number column's names are ({@code Time Zone},
     * {@code timezone}, {@code time-zone}).
     */
    private static final String TIME_ZONE = comparable("time_zone");

    /** More columns than this in a header make the file unreadable, whatever the rows hold. */
    public static final int MAX_COLUMNS = 1000;

    /** The columns {@code rejected.csv} puts before each rejected row's own cells. */
    public static final List<String> REJECTED_ROW_COLUMNS = List.of("line", "to_number", "reason", "detail");

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
     * Reads a header from the first record of a file, finding its number column by name alone.
     *
     * @see #of(Path, CsvRow, String)
     */
    public static CsvHeader of(Path file, CsvRow row) {
        return of(file, row, null);
    }

    /**
     * Reads a header from the first record of a file.
     *
     * @param file the file, for error messages
     * @param row the first non-blank record of the file, or {@code null} when there is none
     * @param numberColumn the name of the number column ({@value #NUMBER_COLUMN_SETTING}), or
     *        {@code null} to find it by {@link #NUMBER_COLUMN_NAMES}; a {@code to_number} column wins either way
     * @throws InputFileException when there is no header, no number column or more than one, a column
     *         without a name, a name used twice, more than {@link #MAX_COLUMNS} columns, or the header of a
     *         {@code rejected.csv}
     */
    public static CsvHeader of(Path file, CsvRow row, String numberColumn) {
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
        if (names.size() > REJECTED_ROW_COLUMNS.size()
                && names.subList(0, REJECTED_ROW_COLUMNS.size()).equals(REJECTED_ROW_COLUMNS)) {
            // its to_number is the number as it was rejected, and its first columns would reach Cartesia as the row's data
            throw new InputFileException(file, row.line(), "is a rejected.csv of bulkcall (its first columns are "
                    + String.join(", ", REJECTED_ROW_COLUMNS) + "); delete those four columns, correct the rows in "
                    + "the columns after them, and give the file again");
        }
        checkNames(file, row.line(), names);
        int number = numberColumn(file, row.line(), names, numberColumn);
        List<Integer> timeZoneColumns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != number && comparable(names.get(i)).equals(TIME_ZONE)) {
                timeZoneColumns.add(i);
            }
        }
        if (timeZoneColumns.size() > 1) {
            throw new InputFileException(file, row.line(), "has more than one time zone column ("
                    + timeZoneColumns.stream().map(names::get).collect(Collectors.joining(", ")) + "); keep one");
        }
        return new CsvHeader(names, number, timeZoneColumns.isEmpty() ? -1 : timeZoneColumns.get(0));
    }

    private static int numberColumn(Path file, long line, List<String> names, String setting) {
        List<Integer> toNumber = columnsNamed(names, TO_NUMBER::equals);
        if (toNumber.size() > 1) {
            throw new InputFileException(file, line, "has more than one number column (" + named(names, toNumber)
                    + "); keep one");
        }
        if (toNumber.size() == 1) {
            return toNumber.get(0);
        }
        if (setting != null && !setting.isBlank()) {
            List<Integer> named = columnsNamed(names, comparable(setting)::equals);
            if (named.isEmpty()) {
                throw new InputFileException(file, line, "has no column \"" + setting.strip() + "\", which "
                        + NUMBER_COLUMN_SETTING + " names (columns found: " + listed(names) + ")" + delimiterHint(names));
            }
            if (named.size() > 1) {
                throw new InputFileException(file, line, "has more than one column that " + NUMBER_COLUMN_SETTING
                        + " names (" + named(names, named) + "); keep one");
            }
            return named.get(0);
        }
        List<Integer> candidates = columnsNamed(names, COMPARABLE_NUMBER_COLUMN_NAMES::contains);
        if (candidates.isEmpty()) {
            throw new InputFileException(file, line, "has no number column; name one " + numberColumnNames()
                    + " (case, spaces, - and _ ignored), or set " + NUMBER_COLUMN_SETTING + " (columns found: "
                    + listed(names) + ")" + delimiterHint(names));
        }
        if (candidates.size() > 1) {
            throw new InputFileException(file, line, "has " + candidates.size() + " columns that may hold the number to dial ("
                    + named(names, candidates) + "); name the one to dial with " + NUMBER_COLUMN_SETTING + ", as in --"
                    + NUMBER_COLUMN_SETTING + "=" + names.get(candidates.get(0)));
        }
        return candidates.get(0);
    }

    private static List<Integer> columnsNamed(List<String> names, Predicate<String> comparableName) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (comparableName.test(comparable(names.get(i)))) {
                columns.add(i);
            }
        }
        return columns;
    }

    private static String named(List<String> names, List<Integer> columns) {
        return columns.stream().map(names::get).collect(Collectors.joining(", "));
    }

    // a header read with the wrong delimiter is one column whose name holds the right one
    private static String delimiterHint(List<String> names) {
        if (names.stream().anyMatch(name -> name.contains(";"))) {
            return "; the header holds semicolons: the file looks semicolon-separated (bulkcall.input.delimiter=; or auto)";
        }
        if (names.stream().anyMatch(name -> name.contains("\t"))) {
            return "; the header holds tabs: the file looks tab-separated (bulkcall.input.delimiter=tab or auto)";
        }
        return "";
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

    /** Whether a header cell is one of the {@link #NUMBER_COLUMN_NAMES}, ignoring case, spaces, {@code -} and {@code _}. */
    public static boolean isNumberColumnName(String name) {
        return COMPARABLE_NUMBER_COLUMN_NAMES.contains(comparable(name));
    }

    /** A header name as it is compared: lower case, without spaces, {@code -} and {@code _}. */
    private static String comparable(String name) {
        StringBuilder comparable = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                comparable.append(Character.toLowerCase(c));
            }
        }
        return comparable.toString();
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
