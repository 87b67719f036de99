package io.bulkcall.sandbox;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids look like Cartesia's and random, yet each tells the sandbox that gave it which batch,
 * recipient or call it names; an id it did not give names nothing.
 */
class IdsTest {

    private final Ids ids = new Ids(42);

    @Test
    void idsHaveCartesiasShapeForEachKind() {
        assertThat(ids.of(Ids.Kind.BATCH, 1)).matches("acb_[0-9A-Za-z]{22}");
        assertThat(ids.of(Ids.Kind.RECIPIENT, 1)).matches("abcr_[0-9A-Za-z]{22}");
        assertThat(ids.of(Ids.Kind.CALL, 1)).matches("ac_[0-9A-Za-z]{22}");
    }

    @Test
    void anIdTellsItsNumberBack() {
        assertThat(LongStream.concat(LongStream.of(1, 2, 999, 1_000_000, Long.MAX_VALUE),
                new SplittableRandom(1).longs(100_000, 1, Long.MAX_VALUE)))
                .allSatisfy(number -> assertThat(ids.sequence(Ids.Kind.CALL, ids.of(Ids.Kind.CALL, number)))
                        .isEqualTo(number));
    }

    @Test
    void anIdIsTheOneEarlierVersionsGaveItsNumber() {
        // a state folder keeps the seed, not the ids: replayed, its batches must get back the ids the job
        // database holds; three of these have a half above Long.MAX_VALUE (its leading digit past 'A')
        assertThat(ids.of(Ids.Kind.BATCH, 1)).isEqualTo("acb_H3G6UhxIO0e2D8UDJ5kKeG");
        assertThat(ids.of(Ids.Kind.RECIPIENT, 2)).isEqualTo("abcr_53uJjSR1xKR1WnSfUkNoIa");
        assertThat(ids.of(Ids.Kind.CALL, 1_000_000)).isEqualTo("ac_2UVRGy0BM3h7OFy0zQrCTZ");
        assertThat(ids.of(Ids.Kind.BATCH, Long.MAX_VALUE)).isEqualTo("acb_DxAT5qea8Wc5pD7la65zvt");
        assertThat(new Ids(-7046029254386353131L).of(Ids.Kind.CALL, 123_456_789)).isEqualTo("ac_E1efVBJmZgtKVHlArzFhpN");
    }

    @Test
    void idsOfNeighbouringNumbersShareNoVisiblePattern() {
        // given
        String first = ids.of(Ids.Kind.BATCH, 1);
        String second = ids.of(Ids.Kind.BATCH, 2);

        // then
        assertThat(first.substring(4, 12)).isNotEqualTo(second.substring(4, 12));
        assertThat(first.substring(18)).isNotEqualTo(second.substring(18));
    }

    @Test
    void anIdThisSandboxDidNotGiveNamesNothing() {
        // given
        String batch = ids.of(Ids.Kind.BATCH, 7);

        // then
        assertThat(ids.sequence(Ids.Kind.CALL, batch)).isZero();
        assertThat(ids.sequence(Ids.Kind.BATCH, new Ids(43).of(Ids.Kind.BATCH, 7))).isZero();
        assertThat(ids.sequence(Ids.Kind.BATCH, "acb_missing")).isZero();
        assertThat(ids.sequence(Ids.Kind.BATCH, "acb_" + "z".repeat(22))).isZero();
        assertThat(ids.sequence(Ids.Kind.BATCH, "acb_" + "-".repeat(22))).isZero();
        assertThat(ids.sequence(Ids.Kind.BATCH, batch.substring(0, 25) + (batch.charAt(25) == '0' ? '1' : '0')))
                .isZero();
    }

    @Test
    void twoSeedsGiveDifferentIdsForTheSameNumbers() {
        // given
        Set<String> seen = new HashSet<>();

        // when
        LongStream.rangeClosed(1, 10_000).forEach(number -> {
            seen.add(ids.of(Ids.Kind.BATCH, number));
            seen.add(new Ids(43).of(Ids.Kind.BATCH, number));
        });

        // then
        assertThat(seen).hasSize(20_000);
    }
}
