package io.bulkcall.time;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "PT0S,      0s",
        "PT0.5S,    500ms",
        "PT30S,     30s",
        "PT15M,     15m",
        "PT1H30M,   1h30m",
        "PT36H,     36h",
        "PT168H,    7d",
        "PT2160H,   90d",
        "PT24H30M,  24h30m",
    })
    void writesADurationAsASettingWouldGiveIt(Duration duration, String written) {
        assertThat(Durations.setting(duration)).isEqualTo(written);
    }
}
