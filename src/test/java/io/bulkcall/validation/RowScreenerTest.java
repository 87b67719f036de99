package io.bulkcall.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.bulkcall.config.CartesiaVersion;
import io.bulkcall.config.DynamicVariableLimits;
import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.bulkcall.csv.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

class RowScreenerTest {

    private static final CsvHeader HEADER = new CsvHeader(List.of("name", "to_number", "city"), 1);

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer("US");

    private final DoNotCallList doNotCall = DoNotCallList.load(file("validation/dnc-plain.txt"), normalizer);

    private final SeenNumbers seenNumbers = new SeenNumbers();

    private final RowScreener screener = new RowScreener(doNotCall, seenNumbers,
            SentColumns.of(Path.of("input.csv"), HEADER.metadataColumns(), CartesiaVersion.V2026_03_01, List.of()));

    @Test
    void acceptsAValidNumberInE164WithTheOtherCellsAsMetadataInHeaderOrder() {
        // when
        ScreenedRow screened = screen(row(2, "Ann", "(212) 555-0143", "Paris"));

        // then
        assertThat(screened).isEqualTo(new AcceptedRecipient(2, "+12125550143", Map.of("name", "Ann", "city", "Paris"), null, null));
        assertThat(((AcceptedRecipient) screened).metadata().keySet()).containsExactly("name", "city");
    }

    @Test
    void leavesEmptyCellsOutOfTheMetadata() {
        // when
        ScreenedRow screened = screen(row(2, "", "+12125550143", " "));

        // then
        assertThat(screened).isEqualTo(new AcceptedRecipient(2, "+12125550143", Map.of(), null, null));
    }

    @Test
    void rejectsAMalformedRowWithItsProblemFirst() {
        // given a malformed row whose number would be fine
        CsvRow malformed = new CsvRow(7, List.of("Ann", "+12125550143"), "has 2 columns, the header has 3");

        // when
        ScreenedRow screened = screen(malformed);

        // then
        assertThat(screened).isEqualTo(new RejectedRow(7, "+12125550143", RejectionReason.MALFORMED_ROW,
                "has 2 columns, the header has 3", List.of("Ann", "+12125550143")));
    }

    @Test
    void rejectsAMalformedRowTooShortToHaveANumberCell() {
        // when
        ScreenedRow screened = screen(new CsvRow(4, List.of("Ann"), "has 1 column, the header has 3"));

        // then
        assertThat(screened).isInstanceOf(RejectedRow.class)
            .extracting("rawNumber", "reason")
            .containsExactly("", RejectionReason.MALFORMED_ROW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        3 | ''           | MISSING_NUMBER | the number is empty
        5 | 212555014    | INVALID_NUMBER | too short for region US
        8 | 212 555 0199 | DO_NOT_CALL    | on the do-not-call list (dnc-plain.txt, line 2)
        """)
    void rejectsARowSayingWhyWithItsCellsAsWritten(long line, String number, RejectionReason reason, String detail) {
        // when
        ScreenedRow screened = screen(row(line, "Ann", number, "Paris"));

        // then
        assertThat(screened).isEqualTo(new RejectedRow(line, number, reason, detail, List.of("Ann", number, "Paris")));
    }

    @Test
    void rejectsTheSameNumberWrittenDifferentlyLaterInTheFileAsADuplicateOfTheFirst() {
        // given
        screen(row(12, "Ann", "+1 212 555 0143", "Paris"));

        // when
        ScreenedRow screened = screen(row(30, "Bo", "(212) 555-0143", "Rome"));

        // then
        assertThat(screened).isEqualTo(new RejectedRow(30, "(212) 555-0143", RejectionReason.DUPLICATE,
                "first seen on line 12", List.of("Bo", "(212) 555-0143", "Rome")));
    }

    @Test
    void forgetsTheNumbersItScreenedOnceClosed() {
        // given
        screen(row(12, "Ann", "+12125550143", "Paris"));

        // when
        screener.close();

        // then
        assertThat(seenNumbers.size()).isZero();
    }

    @Test
    void findsDuplicatesOfNumbersStagedBeforeARestart() {
        // given numbers staged by an earlier run of the step
        seenNumbers.putIfAbsent(SeenNumbers.toLong("+12125550143"), 12);

        // when
        ScreenedRow screened = screen(row(3000, "Bo", "212-555-0143", "Rome"));

        // then
        assertThat(screened).extracting("reason", "detail").containsExactly(RejectionReason.DUPLICATE, "first seen on line 12");
    }

    @Test
    void acceptsTheSameRowAgainWhenItIsScreenedTwice() {
        // given a row screened once, in a chunk that was then rolled back
        screen(row(12, "Ann", "+12125550143", "Paris"));

        // when
        ScreenedRow again = screen(row(12, "Ann", "+12125550143", "Paris"));

        // then
        assertThat(again).isInstanceOf(AcceptedRecipient.class);
    }

    @Test
    void rejectsEveryRowOfADoNotCallNumberAsDoNotCall() {
        // given
        screen(row(8, "Ann", "+12125550199", "Paris"));

        // when
        ScreenedRow screened = screen(row(9, "Ann", "+12125550199", "Paris"));

        // then
        assertThat(screened).extracting("reason").isEqualTo(RejectionReason.DO_NOT_CALL);
    }

    @Test
    void rejectsARowWhoseDynamicVariablesWouldPassCartesiasLimitAsBadDataWithTheirSize() {
        // given: under 2026-08-14 {"name":"…","city":"Paris"} takes 16,385 bytes
        RowScreener variables = new RowScreener(doNotCall, new SeenNumbers(),
                SentColumns.of(Path.of("input.csv"), HEADER.metadataColumns(), CartesiaVersion.V2026_08_14, List.of()));
        String name = "A".repeat(DynamicVariableLimits.MAX_BYTES + 1 - "{\"name\":\"\",\"city\":\"Paris\"}".length());

        // when
        ScreenedRow screened = variables.process(RowCheckers.windowsOff(normalizer).check(row(2, name, "+12125550143", "Paris"), HEADER));

        // then
        assertThat(screened).isInstanceOfSatisfying(RejectedRow.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectionReason.VARIABLES_TOO_LARGE);
            assertThat(rejected.reason().isSuppression()).isFalse();
            assertThat(rejected.detail()).startsWith("its dynamic_variables would take 16,385 bytes of JSON; Cartesia takes at most 16,384");
        });
    }

    private ScreenedRow screen(CsvRow row) {
        return screener.process(RowCheckers.windowsOff(normalizer).check(row, HEADER));
    }

    private static CsvRow row(long line, String... values) {
        return new CsvRow(line, List.of(values), null);
    }
}
