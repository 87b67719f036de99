package io.bulkcall.validation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts as a log line says them: a noun by its count, and counts by kind. */
class CountsTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({ "1, recipient, 1 recipient", "2, recipient, 2 recipients", "0, row, 0 rows",
            "1, call batch, 1 call batch", "3, call batch, 3 call batches", "1, redial round, 1 redial round",
            "1, other bulkcall process, 1 other bulkcall process", "2, other bulkcall process, 2 other bulkcall processes" })
    void aNounTakesItsPluralForAnyCountButOne(long count, String noun, String said) {
        assertThat(Counts.of(count, noun)).isEqualTo(said);
    }

    @Test
    void countsByKindLeaveTheZerosOut() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("INVALID_NUMBER", 2L);
        counts.put("DO_NOT_CALL", 0L);
        counts.put("DUPLICATE", 1L);

        assertThat(Counts.describe(counts)).isEqualTo("INVALID_NUMBER 2, DUPLICATE 1");
        assertThat(Counts.describe(Map.of("DUPLICATE", 0L))).isEqualTo("none");
    }
}
