package io.bulkcall.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd" })
    void prefixesCellsASpreadsheetWouldRunAsFormulasWithAQuote(String formula) {
        assertThat(SpreadsheetSafe.cell(formula)).isEqualTo("'" + formula);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Ann", "a=b", "2+2", "", " =spaced" })
    void leavesOtherCellsAlone(String text) {
        assertThat(SpreadsheetSafe.cell(text)).isEqualTo(text);
    }

    @Test
    void leavesAnE164NumberInTheNumberColumnAlone() {
        assertThat(SpreadsheetSafe.numberCell("+12125550143")).isEqualTo("+12125550143");
    }

    @ParameterizedTest
    @ValueSource(strings = { "+1 212 555 0143", "+1-212-555-0143", "=1+2", "+", "-12125550143" })
    void neutralizesANumberColumnCellThatIsNotE164(String cell) {
        assertThat(SpreadsheetSafe.numberCell(cell)).isEqualTo("'" + cell);
    }

    @Test
    void leavesANullCellNull() {
        assertThat(SpreadsheetSafe.cell(null)).isNull();
    }
}
