package io.bulkcall.window;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DailyHoursTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "09:00-20:00                       | 660",
        "09:00-09:10                       | 10",
        "12:00-13:00,18:00-19:00           | 60",
        "09:00-09:10,09:10-09:30           | 30",
        "09:00-09:10,09:20-09:30           | 10",
        "23:55-24:00,00:00-00:20           | 25",
        "00:00-00:20,12:00-12:10,23:55-24:00 | 25",
        "00:00-00:05,23:00-23:10           | 10",
        "00:00-24:00                       | 1440",
        "00:00-12:00,12:00-24:00           | 1440",
    })
    void measuresTheLongestStretchWithRangesThatTouchAsOneAcrossMidnightToo(String hours, long minutes) {
        assertThat(DailyHours.parse(hours).longestStretch()).isEqualTo(Duration.ofMinutes(minutes));
    }
}
