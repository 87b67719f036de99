package io.bulkcall.csv;

/**
 * Makes report cells safe to open in a spreadsheet: a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be run as a formula (CSV injection), so it
 * gets a leading single quote, which spreadsheets show as text. A number column holding an E.164
 * number ({@code +} and digits only) is left as it is, so a valid number stays dialable when the
 * report is read back; use {@link #numberCell} for that column and {@link #cell} for every other.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** The cell, prefixed with {@code '} when a spreadsheet would take it for a formula. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** A number-column cell: an E.164 number as it is, anything else as {@link #cell} makes it. */
    public static String numberCell(String value) {
        return isE164(value) ? value : cell(value);
    }

    private static boolean isE164(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '+') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
