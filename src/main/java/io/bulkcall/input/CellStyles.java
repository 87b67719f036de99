package io.bulkcall.input;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Which cell styles of a workbook show a number as a date or a time, from its styles part: a workbook
 * stores a date as a number of days (46366 is 10 December 2026) and only the cell's number format says
 * it is one. A style is a date style when its format is one of Excel's built-in date and time formats,
 * or a format of the workbook's own whose first section holds a date or time letter ({@code y},
 * {@code m}, {@code d}, {@code h}, {@code s}) outside quotes, escapes and brackets.
 */
final class CellStyles {

    private static final CellStyles NONE = new CellStyles(new BitSet());

    private final BitSet dateStyles;

    private CellStyles(BitSet dateStyles) {
        this.dateStyles = dateStyles;
    }

    /** The styles of a workbook without a styles part: none shows a date. */
    static CellStyles none() {
        return NONE;
    }

    /** Reads a styles part ({@code <styleSheet>}) to its end. */
    static CellStyles read(XMLStreamReader styles) throws XMLStreamException {
        Map<Integer, String> formats = new HashMap<>();
        BitSet dateStyles = new BitSet();
        boolean inNumberFormats = false;
        boolean inCellFormats = false;
        int style = 0;
        while (styles.hasNext()) {
            int event = styles.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (styles.getLocalName()) {
                    case "numFmts" -> inNumberFormats = true;
                    case "numFmt" -> {
                        // the differential formats of conditional formatting (dxf) hold number formats of their own
                        if (inNumberFormats) {
                            formats.put(Integer.parseInt(Xml.attribute(styles, "numFmtId")), Xml.attribute(styles, "formatCode"));
                        }
                    }
                    case "cellXfs" -> inCellFormats = true;
                    case "xf" -> {
                        if (inCellFormats) {
                            String format = Xml.attribute(styles, "numFmtId");
                            if (format != null && isDateFormat(Integer.parseInt(format), formats)) {
                                dateStyles.set(style);
                            }
                            style++;
                        }
                    }
                    default -> {
                        // fonts, fills, borders and the rest do not change what a cell holds
                    }
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                inNumberFormats &= !styles.getLocalName().equals("numFmts");
                inCellFormats &= !styles.getLocalName().equals("cellXfs");
            }
        }
        return new CellStyles(dateStyles);
    }

    /** Whether a number in a cell of this style ({@code s}) is a date or a time. */
    boolean isDate(int style) {
        return dateStyles.get(style);
    }

    private static boolean isDateFormat(int id, Map<Integer, String> formats) {
        String code = formats.get(id);
        if (code == null) {
            // the built-in formats: 14-22 dates and times, 45-47 minutes and seconds
            return id >= 14 && id <= 22 || id >= 45 && id <= 47;
        }
        return isDateFormat(code);
    }

    static boolean isDateFormat(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            switch (c) {
                case ';' -> {
                    // the first section is the one for positive numbers, which dates are
                    return false;
                }
                case '"' -> {
                    int close = code.indexOf('"', i + 1);
                    i = close < 0 ? code.length() : close;
                }
                case '\\', '_', '*' -> i++;
                case '[' -> {
                    int close = code.indexOf(']', i + 1);
                    String bracket = code.substring(i + 1, close < 0 ? code.length() : close).toLowerCase(Locale.ROOT);
                    // [h]:mm, [mm]:ss: elapsed time; [Red], [$-409], [>100]: not a date letter
                    if (!bracket.isEmpty() && bracket.chars().allMatch(b -> b == 'h' || b == 'm' || b == 's')) {
                        return true;
                    }
                    i = close < 0 ? code.length() : close;
                }
                default -> {
                    switch (Character.toLowerCase(c)) {
                        case 'y', 'm', 'd', 'h', 's' -> {
                            return true;
                        }
                        default -> {
                            // digits, #, 0, ?, separators, text: not a date
                        }
                    }
                }
            }
        }
        return false;
    }
}
