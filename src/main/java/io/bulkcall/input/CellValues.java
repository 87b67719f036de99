package io.bulkcall.input;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A cell's stored value as text, as the sheet shows it rather than as it is stored: a number in full,
 * without exponent ({@code 14155550143}, never {@code 1.4155550143E10}), rounded to the 15 significant
 * digits a spreadsheet shows; a date in ISO 8601 ({@code 2026-12-10}, {@code 2026-12-10T09:30}, a time
 * alone {@code 09:30}); a boolean as {@code true} or {@code false}.
 */
final class CellValues {

    /** The digits a spreadsheet keeps and shows of a number; every phone number has fewer. */
    private static final MathContext SHOWN_DIGITS = new MathContext(15);

    /** Day 0 of the 1900 date system, for days after 28 February 1900 (it counts a 29 February 1900 that never was). */
    private static final LocalDate DAY_ZERO_1900 = LocalDate.of(1899, 12, 30);

    private static final LocalDate DAY_ZERO_1904 = LocalDate.of(1904, 1, 1);

    /** The last date a spreadsheet shows, 9999-12-31. */
    private static final double LAST_DAY = 2_958_465;

    private static final int SECONDS_PER_DAY = 86_400;

    private CellValues() {
    }

    /** A number as stored in a cell ({@code <v>1.4155550143E10</v>}), written in full. */
    static String number(String stored) {
        try {
            BigDecimal number = new BigDecimal(stored.strip()).round(SHOWN_DIGITS).stripTrailingZeros();
            return number.signum() == 0 ? "0" : number.toPlainString();
        }
        catch (NumberFormatException notANumber) {
            return stored;
        }
    }

    /** A number of days since the workbook's day zero, as its date and time; a number no date can be, in full. */
    static String date(String stored, boolean date1904) {
        double serial;
        try {
            serial = Double.parseDouble(stored.strip());
        }
        catch (NumberFormatException notANumber) {
            return stored;
        }
        if (serial < 0 || serial > LAST_DAY) {
            return number(stored);
        }
        long days = (long) serial;
        long seconds = Math.round((serial - days) * SECONDS_PER_DAY);
        if (seconds == SECONDS_PER_DAY) {
            days++;
            seconds = 0;
        }
        LocalTime time = LocalTime.ofSecondOfDay(seconds);
        if (days == 0) {
            return time.toString();
        }
        LocalDate date = date1904 ? DAY_ZERO_1904.plusDays(days)
                : days < 61 ? DAY_ZERO_1900.plusDays(days + 1) : DAY_ZERO_1900.plusDays(days);
        return seconds == 0 ? date.toString() : LocalDateTime.of(date, time).toString();
    }

    /** A date a cell stores as ISO 8601 text ({@code t="d"}), without the time when it is midnight. */
    static String isoDate(String stored) {
        try {
            LocalDateTime dateTime = LocalDateTime.parse(stored.strip());
            return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString() : dateTime.toString();
        }
        catch (DateTimeParseException notADateTime) {
            return stored.strip();
        }
    }

    /** A boolean cell, stored as 1 or 0. */
    static String bool(String stored) {
        return "1".equals(stored.strip()) ? "true" : "false";
    }
}
