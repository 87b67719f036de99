package io.bulkcall.validation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file's rows in words, and the reject-ratio rule on them: suppressions (do-not-call, contact limit)
 * are shown apart and never count as bad data.
 */
class RowTallyTest {

    private final RejectRatio tenPercent = new RejectRatio(0.1);

    @Test
    void suppressionsAreShownApartFromRejectedRows() {
        // given
        RowTally tally = new RowTally(4, Map.of(RejectionReason.INVALID_NUMBER, 1L, RejectionReason.CONTACT_LIMIT, 5L,
                RejectionReason.DO_NOT_CALL, 1L, RejectionReason.DUPLICATE, 0L));

        // then
        assertThat(tally.rows()).isEqualTo(11);
        assertThat(tally.describe()).isEqualTo("11 rows, 4 valid, 1 rejected (INVALID_NUMBER 1), 6 suppressed (DO_NOT_CALL 1, CONTACT_LIMIT 5)");
        assertThat(tally.describeReasons()).isEqualTo("INVALID_NUMBER 1; 6 suppressed (DO_NOT_CALL 1, CONTACT_LIMIT 5)");
    }

    @Test
    void aFileWithoutSuppressionsSaysNothingOfThem() {
        assertThat(new RowTally(29, Map.of(RejectionReason.INVALID_NUMBER, 2L, RejectionReason.DUPLICATE, 1L)).describe())
            .isEqualTo("32 rows, 29 valid, 3 rejected (INVALID_NUMBER 2, DUPLICATE 1)");
    }

    @Test
    void sixtyPercentOfRowsSuppressedStillDialsTheRest() {
        assertThat(tenPercent.whyNotDialed(new RowTally(4, Map.of(RejectionReason.CONTACT_LIMIT, 6L)))).isEmpty();
    }

    @Test
    void badRowsAboveTheRatioStopTheFileCountedAgainstEveryRow() {
        assertThat(tenPercent.whyNotDialed(new RowTally(8, Map.of(RejectionReason.INVALID_NUMBER, 3L,
                RejectionReason.CONTACT_LIMIT, 10L))))
            .hasValue("3 of its 21 rows were rejected (14.3%, above bulkcall.validation.max-reject-ratio=0.1)");
    }

    @Test
    void oneRowIsSaidInTheSingular() {
        assertThat(tenPercent.whyNotDialed(new RowTally(2, Map.of(RejectionReason.INVALID_NUMBER, 1L))))
            .hasValue("1 of its 3 rows was rejected (33.3%, above bulkcall.validation.max-reject-ratio=0.1)");
        assertThat(tenPercent.whyNotDialed(new RowTally(0, Map.of(RejectionReason.DUPLICATE, 1L))))
            .hasValue("its one row is not valid");
    }

    @Test
    void aFileWithNothingToDialIsNotDialedWhateverTheReason() {
        assertThat(tenPercent.whyNotDialed(new RowTally(0, Map.of(RejectionReason.CONTACT_LIMIT, 3L))))
            .hasValue("none of its 3 rows is valid");
        assertThat(tenPercent.whyNotDialed(new RowTally(0, Map.of()))).hasValue("it has no data rows");
    }
}
