package io.bulkcall.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Window arithmetic: every expected instant is worked out by hand from the zone's offset on that day;
 * time is only ever a fixed instant, never the system clock.
 */
class ScheduleTest {

    private static final String ALL_WEEK = "MON-SUN";

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', value = {
        // 2026-03-08 02:00 EST becomes 03:00 EDT: 09:00 is 13:00Z, not 14:00Z as the day before
        "America/New_York    | 2026-03-08T06:00:00Z | 2026-03-08T13:00:00Z | 2026-03-09T00:00:00Z",
        // 2026-11-01 02:00 EDT becomes 01:00 EST: 09:00 is 14:00Z, not 13:00Z as the day before
        "America/New_York    | 2026-11-01T06:00:00Z | 2026-11-01T14:00:00Z | 2026-11-02T01:00:00Z",
        // 2026-04-05 02:00 +11:00 becomes 01:30 +10:30
        "Australia/Lord_Howe | 2026-04-04T15:00:00Z | 2026-04-04T22:30:00Z | 2026-04-05T09:30:00Z",
        "Asia/Kolkata        | 2026-03-02T00:00:00Z | 2026-03-02T03:30:00Z | 2026-03-02T14:30:00Z", // +05:30
        "Asia/Kathmandu      | 2026-03-02T00:00:00Z | 2026-03-02T03:15:00Z | 2026-03-02T14:15:00Z", // +05:45
    })
    void opensAtNineAndClosesAtEightByTheLocalClock(String zone, Instant from, Instant start, Instant end) {
        Schedule schedule = window("09:00-20:00", ALL_WEEK).schedule(zones(zone));

        assertThat(schedule.openingAtOrAfter(from)).contains(new Opening(start, end));
    }

    @ParameterizedTest(name = "{0} on {1}: {4} minutes")
    @CsvSource(delimiter = '|', value = {
        // New York springs forward, 02:00 EST to 03:00 EDT, and falls back, 02:00 EDT to 01:00 EST
        "America/New_York    | 2026-03-08 | 2026-03-08T05:00:00Z | 2026-03-09T04:00:00Z | 1380",
        "America/New_York    | 2026-11-01 | 2026-11-01T04:00:00Z | 2026-11-02T05:00:00Z | 1500",
        // Lord Howe's daylight saving is half an hour: 02:00 +11:00 to 01:30 +10:30, then 02:00 +10:30 to 02:30 +11:00
        "Australia/Lord_Howe | 2026-04-05 | 2026-04-04T13:00:00Z | 2026-04-05T13:30:00Z | 1470",
        "Australia/Lord_Howe | 2026-10-04 | 2026-10-03T13:30:00Z | 2026-10-04T13:00:00Z | 1410",
    })
    void aWholeDayRunsFromMidnightToMidnightWhateverTheClocksDo(String zone, LocalDate day, Instant start, Instant end,
            long minutes) {
        Schedule oneDay = window("00:00-24:00", ALL_WEEK, day.minusDays(1).toString(), day.plusDays(1).toString())
            .schedule(zones(zone));

        Opening opening = oneDay.openingAtOrAfter(start.plus(Duration.ofHours(6))).orElseThrow();

        assertThat(opening).isEqualTo(new Opening(start, end));
        assertThat(opening.duration()).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void aRangeStartingInTheSpringForwardGapOpensAtTheTransition() {
        // 02:30 does not exist on 2026-03-08 in New York: the clocks go from 02:00 EST to 03:00 EDT (07:00Z)
        Schedule newYork = window("02:30-04:00", ALL_WEEK).schedule(zones("America/New_York"));

        assertThat(newYork.openingAtOrAfter(at("2026-03-08T05:00:00Z")))
            .contains(opening("2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"));
    }

    @Test
    void aRangeInTheFallBackOverlapHoldsOnlyTheWallClockTimesInIt() {
        // 01:00-02:00 happens twice on 2026-11-01; the second time, 01:00-01:30 EST lies before the range
        Schedule newYork = window("01:30-03:00", ALL_WEEK).schedule(zones("America/New_York"));

        assertThat(newYork.openings(at("2026-11-01T04:00:00Z")).limit(2)).containsExactly(
                opening("2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z"),
                opening("2026-11-01T06:30:00Z", "2026-11-01T08:00:00Z"));
    }

    @Test
    void aWindowEndingAtTwentyFourIsOpenUntilMidnight() {
        Schedule london = window("18:00-24:00", "MON-FRI").schedule(zones("Europe/London"));

        assertThat(london.openingAtOrAfter(at("2026-01-14T12:00:00Z")))
            .contains(opening("2026-01-14T18:00:00Z", "2026-01-15T00:00:00Z"));
        assertThat(london.isOpen(at("2026-01-14T23:59:59Z"))).isTrue();
        assertThat(london.isOpen(at("2026-01-15T00:00:00Z"))).isFalse();
    }

    @Test
    void rangesThatTouchAcrossMidnightOpenOnce() {
        Schedule london = window("20:00-24:00,00:00-06:00", "MON-SAT").schedule(zones("Europe/London"));

        assertThat(london.openingAtOrAfter(at("2026-01-14T21:00:00Z")))
            .contains(opening("2026-01-14T20:00:00Z", "2026-01-15T06:00:00Z"));
    }

    @Test
    void aRangeAfterMidnightBelongsToItsOwnDay() {
        // Saturday night runs to midnight: Sunday, 00:00-06:00 included, has no calls
        Schedule london = window("20:00-24:00,00:00-06:00", "MON-SAT").schedule(zones("Europe/London"));

        assertThat(london.openingAtOrAfter(at("2026-01-17T21:00:00Z")))
            .contains(opening("2026-01-17T20:00:00Z", "2026-01-18T00:00:00Z"));
    }

    @Test
    void isClosedBetweenTwoRangesOfADayAndOpensAgainAtTheSecond() {
        Schedule london = window("09:00-12:00,14:00-18:00", "MON-FRI").schedule(zones("Europe/London"));

        assertThat(london.isOpen(at("2026-01-14T11:59:00Z"))).isTrue();
        assertThat(london.isOpen(at("2026-01-14T12:30:00Z"))).isFalse();
        assertThat(london.openingAtOrAfter(at("2026-01-14T12:30:00Z")))
            .contains(opening("2026-01-14T14:00:00Z", "2026-01-14T18:00:00Z"));
    }

    @Test
    void theOpeningUnderWayStartsAtOrBeforeTheInstantAskedAbout() {
        Schedule london = window("09:00-12:00,14:00-18:00", "MON-FRI").schedule(zones("Europe/London"));

        assertThat(london.openingAtOrAfter(at("2026-01-14T09:00:00Z")))
            .contains(opening("2026-01-14T09:00:00Z", "2026-01-14T12:00:00Z"));
        assertThat(london.openingAtOrAfter(at("2026-01-14T10:15:00Z")))
            .contains(opening("2026-01-14T09:00:00Z", "2026-01-14T12:00:00Z"));
    }

    @Test
    void skipsAClosedDate() {
        // Christmas 2026 is a Friday; after Thursday's window the next opening is Saturday's
        Schedule newYork = window("09:00-20:00", "MON-SAT", "2026-12-25").schedule(zones("America/New_York"));

        assertThat(newYork.openingAtOrAfter(at("2026-12-25T01:00:00Z")))
            .contains(opening("2026-12-26T14:00:00Z", "2026-12-27T01:00:00Z"));
    }

    @Test
    void readsTheDayOfTheWeekOnEachSideOfTheDateLine() {
        // 2026-01-13T00:00Z is Tuesday 14:00 on Kiritimati (+14) and Monday 13:00 in Pago Pago (-11)
        CallingWindowPolicy mondays = window("09:00-20:00", "MON");
        Instant instant = at("2026-01-13T00:00:00Z");

        assertThat(mondays.schedule(zones("Pacific/Kiritimati")).isOpen(instant)).isFalse();
        assertThat(mondays.schedule(zones("Pacific/Pago_Pago")).isOpen(instant)).isTrue();
    }

    @Test
    void zonesOnEachSideOfTheDateLineShareTheWeekdaysOfBoth() {
        // Pago Pago's Monday 09:00-19:00 is Kiritimati's Tuesday 10:00-20:00; its Friday is their Saturday
        Schedule both = window("09:00-20:00", "MON-FRI").schedule(zones("Pacific/Kiritimati", "Pacific/Pago_Pago"));

        assertThat(both.openings(at("2026-01-12T00:00:00Z")).limit(5).map(Opening::start)).containsExactly(
                at("2026-01-12T20:00:00Z"), at("2026-01-13T20:00:00Z"), at("2026-01-14T20:00:00Z"),
                at("2026-01-15T20:00:00Z"), at("2026-01-19T20:00:00Z"));
        assertThat(both.openingAtOrAfter(at("2026-01-12T00:00:00Z")).orElseThrow().duration()).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void tellsAnOpeningBeyondThirtyDaysFromOneWithin() {
        LocalDate[] closed = LocalDate.of(2026, 6, 1).datesUntil(LocalDate.of(2026, 7, 11)).toArray(LocalDate[]::new);
        Schedule london = new CallingWindowPolicy(DailyHours.parse("09:00-20:00"), WeekDays.parse(ALL_WEEK), Set.of(closed))
            .schedule(zones("Europe/London"));
        Instant now = at("2026-05-31T20:00:00Z");

        assertThat(london.openingAtOrAfter(now, now.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(london.openingAtOrAfter(now)).contains(opening("2026-07-11T08:00:00Z", "2026-07-11T19:00:00Z"));
        assertThat(london.openingAtOrAfter(at("2026-07-01T00:00:00Z"), at("2026-07-31T00:00:00Z")))
            .contains(opening("2026-07-11T08:00:00Z", "2026-07-11T19:00:00Z"));
    }

    @Test
    void newYorkAndLosAngelesShareNoonToEightNewYorkTime() {
        Schedule coasts = window("09:00-20:00", "MON-SAT").schedule(zones("America/New_York", "America/Los_Angeles"));

        assertThat(coasts.openingAtOrAfter(at("2026-01-14T12:00:00Z")))
            .contains(opening("2026-01-14T17:00:00Z", "2026-01-15T01:00:00Z"));
    }

    @Test
    void honoluluAndTokyoShareHonolulusAfternoonWhichIsTokyosNextMorning() {
        Schedule pacific = window("09:00-20:00", "MON-SAT").schedule(zones("Pacific/Honolulu", "Asia/Tokyo"));

        assertThat(pacific.openingAtOrAfter(at("2026-01-13T12:00:00Z")))
            .contains(opening("2026-01-14T00:00:00Z", "2026-01-14T06:00:00Z"));
    }

    @Test
    void windowsThatOnlyTouchShareNothing() {
        // Honolulu's 09:00-14:00 ends at 00:00Z, when Tokyo's begins
        Schedule pacific = window("09:00-14:00", ALL_WEEK).schedule(zones("Pacific/Honolulu", "Asia/Tokyo"));

        assertThat(pacific.openingAtOrAfter(at("2026-01-13T12:00:00Z"))).isEmpty();
        assertThat(pacific.hasOpeningOfAtLeast(Duration.ofSeconds(1), at("2026-01-13T12:00:00Z"))).isFalse();
    }

    @Test
    void newYorkAndShanghaiShareNoHourOfNineToEightAllYear() {
        Schedule apart = window("09:00-20:00", ALL_WEEK).schedule(zones("America/New_York", "Asia/Shanghai"));

        assertThat(apart.openingAtOrAfter(at("2026-01-13T12:00:00Z"))).isEmpty();
    }

    @Test
    void findsTheTimeZonesShareOnlyOnceDaylightSavingEnds() {
        // New York's 19:00-20:00 is Tokyo's 09:00-10:00 next day in winter only; Sunday has no calls
        Schedule far = window("09:00-20:00", "MON-SAT").schedule(zones("America/New_York", "Asia/Tokyo"));

        assertThat(far.openingAtOrAfter(at("2026-06-01T00:00:00Z")))
            .contains(opening("2026-11-03T00:00:00Z", "2026-11-03T01:00:00Z"));
    }

    @Test
    void measuresOpeningsAgainstTheLengthAskedFor() {
        Schedule london = window("09:00-09:03", ALL_WEEK).schedule(zones("Europe/London"));
        Instant now = at("2026-01-14T12:00:00Z");

        assertThat(london.hasOpeningOfAtLeast(Duration.ofMinutes(3), now)).isTrue();
        assertThat(london.hasOpeningOfAtLeast(Duration.ofMinutes(4), now)).isFalse();
    }

    @Test
    void measuresTheOpeningUnderWayFromTheInstantAskedAbout() {
        // a year of closed dates but today: only today's opening is left, with 2 of its 11 hours to go
        LocalDate[] closed = LocalDate.of(2026, 1, 15).datesUntil(LocalDate.of(2027, 1, 20)).toArray(LocalDate[]::new);
        Schedule london = new CallingWindowPolicy(DailyHours.parse("09:00-20:00"), WeekDays.parse(ALL_WEEK), Set.of(closed))
            .schedule(zones("Europe/London"));
        Instant now = at("2026-01-14T18:00:00Z");

        assertThat(london.hasOpeningOfAtLeast(Duration.ofHours(2), now)).isTrue();
        assertThat(london.hasOpeningOfAtLeast(Duration.ofHours(3), now)).isFalse();
    }

    @Test
    void cutsAnEndlessOpeningToADayBehindAndAYearAhead() {
        Schedule kolkata = window("00:00-24:00", ALL_WEEK).schedule(zones("Asia/Kolkata"));

        assertThat(kolkata.openingAtOrAfter(at("2026-03-02T00:00:00Z")))
            .contains(opening("2026-03-01T00:00:00Z", "2027-03-03T00:00:00Z"));
    }

    private static CallingWindowPolicy window(String hours, String days, String... closedDates) {
        return new CallingWindowPolicy(DailyHours.parse(hours), WeekDays.parse(days),
                Arrays.stream(closedDates).map(LocalDate::parse).collect(Collectors.toSet()));
    }

    private static Zones zones(String... ids) {
        return Zones.of(Arrays.stream(ids).map(ZoneId::of).toList());
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Opening opening(String start, String end) {
        return new Opening(at(start), at(end));
    }
}
