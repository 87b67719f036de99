package io.bulkcall.window;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import io.bulkcall.config.SettingProblems;

/**
 * {@code bulkcall.calling-window.*} bound as the start-up check binds settings: by a plain {@link Binder}
 * with {@link CallingWindowSettings#conversionService()} and bean validation. A bad value is asserted as
 * the line the application prints for it.
 */
class CallingWindowSettingsBindingTest {

    private static final String PREFIX = "bulkcall.calling-window";

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @Test
    void defaultsToNineToEightMondayToSaturdayWithAFiveMinuteMargin() {
        CallingWindowSettings settings = bind(Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.hours()).hasToString("09:00-20:00");
        assertThat(settings.days().days()).containsExactly(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY);
        assertThat(settings.closedDates()).isEmpty();
        assertThat(settings.defaultTimeZone()).isNull();
        assertThat(settings.closingMargin()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "09:00-20:00                 | 09:00-20:00",
        "00:00-24:00                 | 00:00-24:00",
        "9:00 - 17:30                | 09:00-17:30",
        "14:00-18:00, 09:00-12:00    | 09:00-12:00,14:00-18:00",
        "20:00-24:00,00:00-06:00     | 00:00-06:00,20:00-24:00",
        "09:00-12:00,12:00-14:00     | 09:00-12:00,12:00-14:00",
    })
    void readsHoursAsRangesInOrder(String written, String read) {
        assertThat(bind(Map.of(PREFIX + ".hours", written)).hours()).hasToString(read);
    }

    @Test
    void readsAWholeDayAsTheMinutesFromMidnightToMidnight() {
        assertThat(bind(Map.of(PREFIX + ".hours", "00:00-24:00")).hours().ranges())
            .containsExactly(new DailyHours.Range(0, 24 * 60));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MON-FRI          | MON,TUE,WED,THU,FRI",
        "mon,Wed,FRI      | MON,WED,FRI",
        "MON-SUN          | MON,TUE,WED,THU,FRI,SAT,SUN",
        "Fri-Mon          | MON,FRI,SAT,SUN",
        "saturday, SUN    | SAT,SUN",
        "MON-WED,TUE-THU  | MON,TUE,WED,THU",
    })
    void readsDaysAsRangesAndListsInAnyCase(String written, String read) {
        assertThat(bind(Map.of(PREFIX + ".days", written)).days()).hasToString(read);
    }

    @Test
    void readsARangeOfDaysThroughTheWholeWeek() {
        assertThat(bind(Map.of(PREFIX + ".days", "MON-SUN")).days().days())
            .isEqualTo(EnumSet.allOf(DayOfWeek.class));
        assertThat(bind(Map.of(PREFIX + ".days", "sun-sat")).days().days()).containsExactlyInAnyOrder(DayOfWeek.values());
    }

    @Test
    void readsClosedDatesCommaSeparated() {
        assertThat(bind(Map.of(PREFIX + ".closed-dates", "2026-12-25, 2026-12-26")).closedDates())
            .containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
    }

    @Test
    void readsClosedDatesAsAYamlList() {
        assertThat(bind(Map.of(PREFIX + ".closed-dates[0]", "2026-12-25", PREFIX + ".closed-dates[1]", "2027-01-01"))
            .closedDates()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
    }

    @Test
    void readsTheDefaultTimeZoneAndTheClosingMarginAndTheSwitch() {
        CallingWindowSettings settings = bind(Map.of(PREFIX + ".default-time-zone", "Europe/London",
                PREFIX + ".closing-margin", "2m", PREFIX + ".enabled", "false"));

        assertThat(settings.defaultTimeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(settings.closingMargin()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.enabled()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "hours             | 20:00-09:00             | 20:00-09:00 does not end after it starts; write a window across midnight as two ranges, such as 20:00-24:00,00:00-06:00",
        "hours             | 09:00-09:00             | 09:00-09:00 does not end after it starts; write a window across midnight as two ranges, such as 20:00-24:00,00:00-06:00",
        "hours             | 09:00-12:00,11:00-14:00 | 09:00-12:00 and 11:00-14:00 overlap",
        "hours             | 09:00                   | \"09:00\" is not a range HH:MM-HH:MM, such as 09:00-20:00",
        "hours             | 09:00-12:00,            | \"\" is not a range HH:MM-HH:MM, such as 09:00-20:00",
        "hours             | 9-17                    | \"9\" is not a time of day HH:MM, from 00:00 to 24:00",
        "hours             | 09:60-20:00             | \"09:60\" is not a time of day HH:MM, from 00:00 to 24:00",
        "hours             | 20:00-24:30             | \"24:30\" is not a time of day HH:MM, from 00:00 to 24:00",
        "hours             | nine to five            | \"nine to five\" is not a range HH:MM-HH:MM, such as 09:00-20:00",
        "days              | MON-FRI,MOM             | \"MOM\" is not a day of the week; use MON, TUE, WED, THU, FRI, SAT or SUN",
        "days              | MON-                    | \"MON-\" is not a day or a range of days, such as MON-FRI",
        "days              | MON-WED-FRI             | \"MON-WED-FRI\" is not a day or a range of days, such as MON-FRI",
        "closed-dates      | 2026-12-25,2026-02-30   | \"2026-02-30\" is not a date YYYY-MM-DD, such as 2026-12-25",
        "closed-dates      | 25/12/2026              | \"25/12/2026\" is not a date YYYY-MM-DD, such as 2026-12-25",
        "default-time-zone | Mars/Base               | \"Mars/Base\" is not a time zone; use an IANA id such as America/New_York or Europe/London",
        "default-time-zone | EST                     | \"EST\" is an abbreviation, which does not say when daylight saving time applies; use an IANA id such as America/New_York or Europe/London",
    })
    void refusesABadValueWithOneLineNamingTheSettingAndTheProblem(String property, String value, String problem) {
        assertThat(problem(Map.of(PREFIX + "." + property, value)))
            .isEqualTo("bulkcall.calling-window." + property + "=" + value + ": " + problem);
    }

    @Test
    void readsADefaultTimeZoneWrittenInAnyCaseAsATimeZoneCellIsRead() {
        assertThat(bind(Map.of(PREFIX + ".default-time-zone", "europe/london")).defaultTimeZone())
            .isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void refusesEmptyHoursAndDays() {
        assertThat(problem(Map.of(PREFIX + ".hours", "")))
            .isEqualTo("bulkcall.calling-window.hours=: names no hours; give one or more HH:MM-HH:MM ranges, such as 09:00-20:00");
        assertThat(problem(Map.of(PREFIX + ".days", " ")))
            .isEqualTo("bulkcall.calling-window.days= : names no day; give days such as MON-FRI or MON,WED,FRI");
    }

    @Test
    void refusesAClosingMarginUnderAMinute() {
        assertThat(problem(Map.of(PREFIX + ".closing-margin", "30s")))
            .isEqualTo("bulkcall.calling-window.closing-margin=30s: "
                    + "must be at least 1m, time to cancel queued calls before a window ends");
    }

    private static CallingWindowSettings bind(Map<String, String> properties) {
        return binder(properties).bindOrCreate(PREFIX, Bindable.of(CallingWindowSettings.class), validation());
    }

    /** What the application prints after {@code invalid setting }. */
    private static String problem(Map<String, String> properties) {
        BindException failure = catchThrowableOfType(BindException.class, () -> bind(properties));
        assertThat(failure).as("binding fails").isNotNull();
        return SettingProblems.describe(failure);
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(List.of(new MapConfigurationPropertySource(properties)), null,
                CallingWindowSettings.conversionService(), CallingWindowSettings.propertyEditors());
    }

    private static ValidationBindHandler validation() {
        return new ValidationBindHandler(new SpringValidatorAdapter(VALIDATION.getValidator()));
    }
}
