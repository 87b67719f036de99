package io.bulkcall.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CellValuesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({ "14155550143, 14155550143", "1.4155550143E10, 14155550143", "3.5, 3.5", "0.30000000000000004, 0.3",
            "-0, 0", "100, 100", "1E+20, 100000000000000000000" })
    void writesANumberInFullToTheDigitsASpreadsheetShows(String stored, String shown) {
        assertThat(CellValues.number(stored)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({ "46366, 2026-12-10", "46366.395833333336, 2026-12-10T09:30", "46366.39583912037, 2026-12-10T09:30:01",
            "0.5, 12:00", "1, 1900-01-01", "59, 1900-02-28", "61, 1900-03-01", "-1, -1" })
    void writesADateOfThe1900SystemInIso8601(String stored, String shown) {
        assertThat(CellValues.date(stored, false)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({ "44904, 2026-12-10", "0, 00:00" })
    void writesADateOfThe1904SystemInIso8601(String stored, String shown) {
        assertThat(CellValues.date(stored, true)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = { "yyyy-mm-dd|true", "[$-409]d-mmm-yy;@|true", "h:mm AM/PM|true", "[h]:mm|true",
            "General|false", "0.00E+00|false", "#,##0.00 \"days\"|false", "[Red]0.00|false", "@|false",
            "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)|false", "0.00;[Red]-0.00|false" })
    void tellsADateFormatByItsLettersOutsideQuotesEscapesAndBrackets(String format, boolean date) {
        assertThat(CellStyles.isDateFormat(format)).isEqualTo(date);
    }
}
