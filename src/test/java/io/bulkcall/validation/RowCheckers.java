package io.bulkcall.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.DailyHours;
import io.bulkcall.window.WeekDays;

/** Row checkers for tests of validation that are not about calling windows. */
final class RowCheckers {

    private RowCheckers() {
    }

    static RowChecker windowsOff(PhoneNumberNormalizer normalizer) {
        CallingWindowSettings off = new CallingWindowSettings(false, DailyHours.parse("09:00-20:00"),
                WeekDays.parse("MON-SAT"), List.of(), null, Duration.ofMinutes(5));
        return RowChecker.of(normalizer, off, Instant.EPOCH, ContactLimits.NONE);
    }
}
