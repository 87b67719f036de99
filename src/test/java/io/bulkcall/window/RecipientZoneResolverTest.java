package io.bulkcall.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

class RecipientZoneResolverTest {

    private static final Instant NOW = Instant.parse("2026-01-14T12:00:00Z");

    private final RecipientZoneResolver resolver = new RecipientZoneResolver(settings("09:00-20:00", null), NOW);

    @Test
    void findsNewYorkFromAManhattanNumber() {
        assertThat(resolve(resolver, "+1 212 555 0143", null)).isEqualTo(found("America/New_York"));
    }

    @Test
    void findsTheEightZonesOfAnAustralianMobileWhichShareTheWindow() {
        assertThat(resolve(resolver, "+61 412 345 678", "")).isEqualTo(found("Australia/Adelaide",
                "Australia/Brisbane", "Australia/Eucla", "Australia/Lord_Howe", "Australia/Perth", "Australia/Sydney",
                "Indian/Christmas", "Indian/Cocos"));
    }

    @Test
    void rejectsAUsTollFreeNumberWhoseFortyTwoZonesShareNoHour() {
        // they share half an hour, enough for a recipient in one zone but not the hour a recipient in several needs
        assertThat(resolve(resolver, "+1 800 555 0199", null)).isEqualTo(new ZoneResolution.NoCallingWindow(
                "+1 800-555-0199: its 42 possible time zones share no hour of 09:00-20:00; give a time_zone"));
    }

    @Test
    void takesTheTimeZoneCellOverTheNumbersZones() {
        assertThat(resolve(resolver, "+1 800 555 0199", " America/Chicago ")).isEqualTo(found("America/Chicago"));
        assertThat(resolve(resolver, "+1 212 555 0143", "Europe/London")).isEqualTo(found("Europe/London"));
    }

    @Test
    void rejectsATimeZoneCellThatIsNoZone() {
        assertThat(resolve(resolver, "+1 212 555 0143", "Mars/Base")).isEqualTo(new ZoneResolution.NoCallingWindow(
                "time_zone \"Mars/Base\" is not a time zone; use an IANA id such as America/New_York or Europe/London"));
    }

    @Test
    void takesATimeZoneCellWrittenInAnyCase() {
        assertThat(resolve(resolver, "+1 212 555 0143", "europe/LONDON")).isEqualTo(found("Europe/London"));
    }

    @Test
    void rejectsAnAbbreviationForItsDaylightSavingTimeIsUnknown() {
        // EST is New York's winter offset all year: in summer it would place calls an hour off
        assertThat(resolve(resolver, "+1 212 555 0143", "est")).isEqualTo(new ZoneResolution.NoCallingWindow(
                "time_zone \"est\" is an abbreviation, which does not say when daylight saving time applies; "
                        + "use an IANA id such as America/New_York or Europe/London"));
    }

    @Test
    void rejectsANumberWhoseZoneCannotBeToldWithoutADefault() {
        // international freephone: libphonenumber answers Etc/Unknown
        assertThat(resolve(resolver, "+800 1234 5678", null)).isEqualTo(new ZoneResolution.NoCallingWindow(
                "its time zone cannot be told from the number; give a time_zone or set bulkcall.calling-window.default-time-zone"));
    }

    @Test
    void givesANumberWhoseZoneCannotBeToldTheDefaultZone() {
        RecipientZoneResolver withDefault = new RecipientZoneResolver(settings("09:00-20:00", ZoneId.of("Europe/London")), NOW);

        assertThat(resolve(withDefault, "+800 1234 5678", null)).isEqualTo(found("Europe/London"));
        assertThat(resolve(withDefault, "+1 212 555 0143", null)).isEqualTo(found("America/New_York"));
    }

    @Test
    void rejectsAZoneWhoseWindowLeavesLessThanTheLeastDialingTimeBeyondTheClosingMargin() {
        RecipientZoneResolver tooShort = new RecipientZoneResolver(settings("09:00-09:19", null), NOW);

        assertThat(resolve(tooShort, "+44 20 7946 0958", null)).isEqualTo(new ZoneResolution.NoCallingWindow(
                "+44 20 7946 0958: its time zone Europe/London has no 15m of 09:00-09:19 beyond the closing margin (5m) "
                        + "within a year; check bulkcall.calling-window"));
    }

    @Test
    void acceptsAZoneWhoseWindowLeavesTheLeastDialingTimeBeyondTheClosingMargin() {
        RecipientZoneResolver justLongEnough = new RecipientZoneResolver(settings("09:00-09:20", null), NOW);

        assertThat(resolve(justLongEnough, "+44 20 7946 0958", null)).isEqualTo(found("Europe/London"));
    }

    @Test
    void dialsARecipientInOneZoneInAnEveningHour() {
        RecipientZoneResolver evening = new RecipientZoneResolver(settings("18:00-19:00", null), NOW);

        assertThat(resolve(evening, "+1 212 555 0143", null)).isEqualTo(found("America/New_York"));
        assertThat(resolve(evening, "+1 415 555 0143", null)).isEqualTo(found("America/Los_Angeles"));
        assertThat(resolve(evening, "+1 808 555 0143", null)).isEqualTo(found("Pacific/Honolulu"));
    }

    @Test
    void dialsARecipientInOneZoneInTwoShortRangesOfADay() {
        RecipientZoneResolver lunchAndEvening = new RecipientZoneResolver(settings("12:00-13:00,18:00-19:00", null), NOW);

        assertThat(resolve(lunchAndEvening, "+1 212 555 0143", null)).isEqualTo(found("America/New_York"));
        assertThat(resolve(lunchAndEvening, "+1 312 555 0143", null)).isEqualTo(found("America/Chicago"));
    }

    @Test
    void stillAsksTheSharedHourOfARecipientInSeveralZonesInAShortWindow() {
        RecipientZoneResolver evening = new RecipientZoneResolver(settings("18:00-19:00", null), NOW);

        assertThat(resolve(evening, "+1 800 555 0199", null)).isEqualTo(new ZoneResolution.NoCallingWindow(
                "+1 800-555-0199: its 42 possible time zones share no hour of 18:00-19:00; give a time_zone"));
    }

    @Test
    void theZonesOfAUsTollFreeNumberShareHalfAnHourOnWinterWeekdaysWhichIsTooLittle() {
        // 09:00-09:30 Thursday in Guam is 19:30-20:00 Wednesday in St. John's, Newfoundland
        Zones tollFree = Zones.of(PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number("+1 800 555 0199"))
            .stream().map(ZoneId::of).toList());

        assertThat(tollFree.size()).isEqualTo(42);
        assertThat(CallingWindowPolicy.of(settings("09:00-20:00", null)).schedule(tollFree).openingAtOrAfter(NOW))
            .contains(new Opening(Instant.parse("2026-01-14T23:00:00Z"), Instant.parse("2026-01-14T23:30:00Z")));
    }

    @Test
    void answersAlikeOnManyThreadsAtOnce() {
        List<String> numbers = List.of("+1 212 555 0143", "+61 412 345 678", "+1 800 555 0199", "+800 1234 5678",
                "+44 20 7946 0958", "+91 98765 43210");
        List<ZoneResolution> alone = numbers.stream()
            .map(n -> resolve(new RecipientZoneResolver(settings("09:00-20:00", null), NOW), n, null))
            .toList();

        List<ZoneResolution> together = IntStream.range(0, 6_000).parallel()
            .mapToObj(i -> resolve(resolver, numbers.get(i % numbers.size()), null))
            .toList();

        assertThat(together).isEqualTo(IntStream.range(0, 6_000).mapToObj(i -> alone.get(i % numbers.size())).toList());
    }

    static CallingWindowSettings settings(String hours, ZoneId defaultZone) {
        return new CallingWindowSettings(true, DailyHours.parse(hours), WeekDays.parse("MON-SAT"), List.of(), defaultZone,
                Duration.ofMinutes(5));
    }

    /** Resolves a number as the number check hands it over: with the type libphonenumber gives it. */
    static ZoneResolution resolve(RecipientZoneResolver resolver, String written, String timeZoneCell) {
        PhoneNumber number = number(written);
        return resolver.resolve(number, PhoneNumberUtil.getInstance().getNumberType(number), timeZoneCell);
    }

    static PhoneNumber number(String written) {
        try {
            return PhoneNumberUtil.getInstance().parse(written, "US");
        }
        catch (NumberParseException ex) {
            throw new IllegalArgumentException(written, ex);
        }
    }

    private static ZoneResolution found(String... zones) {
        return new ZoneResolution.Found(Zones.of(List.of(zones).stream().map(ZoneId::of).toList()));
    }
}
