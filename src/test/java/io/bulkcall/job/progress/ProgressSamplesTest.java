package io.bulkcall.job.progress;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate of calls {@code bulkcall status} shows, from the samples the await step keeps at each poll. */
class ProgressSamplesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T15:00:00Z");

    @Test
    void theRateIsTheCallsDoneOverTheLastTenMinutesOfPolls() {
        // given: a poll a minute; 5 calls a minute for the last ten, 1 a minute before
        ProgressSamples samples = ProgressSamples.NONE;
        for (int minute = 0; minute <= 20; minute++) {
            long done = minute <= 10 ? minute : 10 + 5L * (minute - 10);
            samples = samples.plus(new ProgressSample(T0.plusSeconds(60L * minute), done));
        }

        // when
        double perMinute = samples.perMinute().orElseThrow();

        // then
        assertThat(perMinute).isEqualTo(5.0);
    }

    @Test
    void thereIsNoRateBeforeTheSecondPoll() {
        // given
        ProgressSamples samples = ProgressSamples.NONE.plus(new ProgressSample(T0, 3));

        // when / then
        assertThat(samples.perMinute()).isEmpty();
    }

    @Test
    void onlyTheLatestTwentySamplesAreKeptAndASampleAtTheSameInstantReplacesTheLast() {
        // given
        ProgressSamples samples = ProgressSamples.NONE;
        for (int poll = 0; poll < 30; poll++) {
            samples = samples.plus(new ProgressSample(T0.plusSeconds(poll), poll));
        }

        // when
        samples = samples.plus(new ProgressSample(T0.plusSeconds(29), 100));

        // then
        assertThat(samples.samples()).hasSize(ProgressSamples.KEPT);
        assertThat(samples.samples().get(0).at()).isEqualTo(T0.plusSeconds(10));
        assertThat(samples.samples().get(ProgressSamples.KEPT - 1).callsDone()).isEqualTo(100);
    }

    @Test
    void samplesSurviveTheirTextAndUnreadableTextReadsAsNone() {
        // given
        ProgressSamples samples = ProgressSamples.NONE.plus(new ProgressSample(T0, 3))
            .plus(new ProgressSample(T0.plusSeconds(30), 7));

        // when / then
        assertThat(ProgressSamples.parse(samples.text())).isEqualTo(samples);
        assertThat(ProgressSamples.parse("garbage")).isEqualTo(ProgressSamples.NONE);
    }
}
