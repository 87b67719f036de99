package io.bulkcall.job.staging;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The line a long validate step writes every ten seconds, on a clock the test moves. */
class ValidationProgressTest {

    private static final Instant START = Instant.parse("2026-11-25T15:00:00Z");
    private static final Duration EVERY = Duration.ofSeconds(10);

    @Test
    void aLineEveryTenSecondsSaysRowsReadRowsPerSecondAndTheTimeLeftFromTheFileSize() {
        // given: a 1,000,000-byte file, 40-byte rows
        ValidationProgress progress = new ValidationProgress("big.csv", 1_000_000, 0, START, EVERY);

        // when: 5,000 rows (200,000 bytes) in the first 10 s
        var early = progress.read(2_500, 100_000, START.plusSeconds(5));
        var line = progress.read(2_500, 100_000, START.plusSeconds(10));

        // then
        assertThat(early).isEmpty();
        assertThat(line).contains("big.csv: validating, 5,000 rows read (20%), 500 rows/s, about 40s left");
    }

    @Test
    void theNextLineComesTenSecondsAfterTheLastOne() {
        // given
        ValidationProgress progress = new ValidationProgress("big.csv", 1_000_000, 0, START, EVERY);
        progress.read(1_000, 40_000, START.plusSeconds(10));

        // when
        var tooSoon = progress.read(1_000, 40_000, START.plusSeconds(19));
        var next = progress.read(1_000, 40_000, START.plusSeconds(20));

        // then
        assertThat(tooSoon).isEmpty();
        assertThat(next).isPresent();
    }

    @Test
    void aRestartCountsTheRowsItSkippedAsReadAlready() {
        // given: 10,000 rows of 40 bytes read by the run before
        ValidationProgress progress = new ValidationProgress("big.csv", 1_000_000, 10_000, START, EVERY);

        // when
        var line = progress.read(5_000, 200_000, START.plusSeconds(10));

        // then
        assertThat(line).contains("big.csv: validating, 15,000 rows read (60%), 500 rows/s, about 20s left");
    }
}
