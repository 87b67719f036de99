package io.bulkcall.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The million-cell run of {@link NumberReadingEqualityTest}: the validation's fast path against plain
 * libphonenumber on a million mixed cells ({@link LibphonenumberAgreement}). Too slow for the suite (a few
 * minutes on two cores); the {@code benchmark} Maven profile runs it: {@code ./mvnw -B -Pbenchmark verify
 * [-Dbenchmark.cells=N]}. It prints what it compared, and fails on the first differences.
 */
class NumberReadingEqualityBenchmark {

    private static final int CELLS = Integer.getInteger("benchmark.cells", 1_000_000);

    @Test
    void checksAMillionMixedCellsAsLibphonenumberDoes() {
        // when
        long start = System.nanoTime();
        LibphonenumberAgreement.Agreement agreement = LibphonenumberAgreement.compare(NumberReadingEqualityTest.SEED + 1,
                CELLS, Runtime.getRuntime().availableProcessors());

        // then
        System.out.printf("%nfast path against libphonenumber: %,d mixed cells, %,d valid, %,d forms read as digits, "
                + "%d differences, in %.1f s%n", agreement.cells(), agreement.valid(), agreement.digitForms(),
                agreement.differences().size(), (System.nanoTime() - start) / 1e9);
        assertThat(agreement.differences()).isEmpty();
        assertThat(agreement.cells()).isEqualTo(CELLS);
    }
}
