package io.bulkcall.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation's fast path answers as libphonenumber does ({@link LibphonenumberAgreement}), on a
 * deterministic sample of mixed cells small enough for the suite: plain libphonenumber takes about 0.2 ms
 * a cell here, as every cell is read in several ways and many end in a parse error.
 * {@code NumberReadingEqualityBenchmark} compares a million in the benchmark profile.
 */
class NumberReadingEqualityTest {

    static final long SEED = 20261206;

    private static final int CELLS = 20_000;

    @Test
    void checksEveryMixedCellAsLibphonenumberDoes() {
        // when
        LibphonenumberAgreement.Agreement agreement = LibphonenumberAgreement.compare(SEED, CELLS, 2);

        // then: no difference, over cells of which a good share is valid and read by the fast path
        assertThat(agreement.differences()).isEmpty();
        assertThat(agreement.cells()).isEqualTo(CELLS);
        assertThat(agreement.valid()).isBetween(CELLS / 3L, CELLS * 2L / 3);
        assertThat(agreement.digitForms()).isGreaterThan(CELLS);
    }
}
