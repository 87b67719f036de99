package io.bulkcall.csv;

import java.util.Locale;

/**
 * What separates the cells of a CSV file: a comma, a semicolon (what Excel writes where the comma is
 * the decimal separator) or a tab (Excel's "Unicode Text"), or {@link #AUTO}: whichever of the three
 * the header line and the lines after it are split by ({@link CsvParser} works it out).
 */
public enum Delimiter {

    AUTO, COMMA, SEMICOLON, TAB;

    /**
     * The delimiter a setting names: {@code auto}, {@code ,}, {@code ;} or {@code tab}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Delimiter ofSetting(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "," -> COMMA;
            case ";" -> SEMICOLON;
            case "tab" -> TAB;
            default -> throw new IllegalArgumentException("not a delimiter: " + value + "; use auto, \",\", \";\" or tab");
        };
    }

    /** The character between two cells; {@link #AUTO} has none of its own. */
    char character() {
        return switch (this) {
            case COMMA -> ',';
            case SEMICOLON -> ';';
            case TAB -> '\t';
            case AUTO -> throw new IllegalStateException("auto stands for one of the others");
        };
    }

    /** How a person says it: {@code semicolon-separated}. */
    public String describe() {
        return name().toLowerCase(Locale.ROOT) + "-separated";
    }
}
