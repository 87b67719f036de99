package io.bulkcall.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bulkcall.csv.CsvHeader;

class RejectedRowFormatTest {

    private static final CsvHeader HEADER = new CsvHeader(List.of("name", "to_number", "=note"), 1);

    @Test
    void putsTheLineNumberReasonAndDetailBeforeTheOriginalColumns() {
        assertThat(RejectedRowFormat.headerLine(HEADER)).isEqualTo("line,to_number,reason,detail,name,to_number,'=note");
    }

    @Test
    void neutralizesFormulasButLeavesAnE164NumberAlone() {
        // given
        RejectedRow row = new RejectedRow(7, "+12125550143", RejectionReason.DUPLICATE, "first seen on line 2",
                List.of("@Ann", "+12125550143", "=1+1"));

        // then
        assertThat(RejectedRowFormat.line(HEADER, row))
            .isEqualTo("7,+12125550143,DUPLICATE,first seen on line 2,'@Ann,+12125550143,'=1+1");
    }

    @Test
    void neutralizesANumberThatIsNotE164() {
        // given
        RejectedRow row = new RejectedRow(3, "+1 212 555", RejectionReason.INVALID_NUMBER, "too short for region US",
                List.of("Ann", "+1 212 555", "x"));

        // then
        assertThat(RejectedRowFormat.cells(HEADER, row))
            .containsExactly("3", "'+1 212 555", "INVALID_NUMBER", "too short for region US", "Ann", "'+1 212 555", "x");
    }

    @Test
    void keepsEveryCellOfAMalformedRowQuotedAsNeeded() {
        // given
        RejectedRow row = new RejectedRow(4, "+12125550143", RejectionReason.MALFORMED_ROW,
                "has 4 columns, the header has 3", List.of("Ann", "+12125550143", "a, b", "extra"));

        // then
        assertThat(RejectedRowFormat.line(HEADER, row))
            .isEqualTo("4,+12125550143,MALFORMED_ROW,\"has 4 columns, the header has 3\",Ann,+12125550143,\"a, b\",extra");
    }
}
