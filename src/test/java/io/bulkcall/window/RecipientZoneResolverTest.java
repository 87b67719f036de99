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
        assertThat(resolver.resolve(number("+1 212 555 0143"), null)).isEqualTo(found("America/New_York"));
    }

    @Test
    void findsTheEightZonesOfAnAustralianMobileWhichShareTheWindow() {
        assertThat(resolver.resolve(number("+61 412 345 678"), "")).isEqualTo(found("Australia/Adelaide",
                "Australia/Brisbane", "Australia/Eucla", "Australia/Lord_Howe", "Australia/Perth", "Australia/Sydney",
                "Indian/Christmas", "Indian/Cocos"));
    }

    @Test
    void rejectsAUsTollFreeNumberWhoseFortyTwoZonesShareNoHour() {
        assertThat(resolver.resolve(number("+1 800 555 0199"), null)).isEqualTo(new ZoneResolution.NoCallingWindow(
                "+1 800-555-0199: its 42 possible time zones share no hour of 09:00-20:00; give a time_zone"));
    }

    @Test
    void takesTheTimeZoneCellOverTheNumbersZones() {
        assertThat(resolver.resolve(number("+1 800 555 0199"), " America/Chicago ")).isEqualTo(found("America/Chicago"));
        assertThat(resolver.resolve(number("+1 212 555 0143"), "Europe/London")).isEqualTo(found("Europe/London"));
    }

    @Test
    void rejectsATimeZoneCellThatIsNoZone() {
        assertThat(resolver.resolve(number("+1 212 555 0143"), "Mars/Base")).isEqualTo(new ZoneResolution.NoCallingWindow(
                "time_zone \"Mars/Base\" is not a time zone (an IANA id such as Europe/London)"));
    }

    @Test
    void rejectsANumberWhoseZoneCannotBeToldWithoutADefault() {
        // international freephone: libphonenumber answers Etc/Unknown
        assertThat(resolver.resolve(number("+800 1234 5678"), null)).isEqualTo(new ZoneResolution.NoCallingWindow(
                "its time zone cannot be told from the number; give a time_zone or set bulkcall.calling-window.default-time-zone"));
    }

    @Test
    void givesANumberWhoseZoneCannotBeToldTheDefaultZone() {
        RecipientZoneResolver withDefault = new RecipientZoneResolver(settings("09:00-20:00", ZoneId.of("Europe/London")), NOW);

        assertThat(withDefault.resolve(number("+800 1234 5678"), null)).isEqualTo(found("Europe/London"));
        assertThat(withDefault.resolve(number("+1 212 555 0143"), null)).isEqualTo(found("America/New_York"));
    }

    @Test
    void rejectsAZoneWhoseWindowLeavesLessThanAnHourBeyondTheClosingMargin() {
        RecipientZoneResolver anHour = new RecipientZoneResolver(settings("09:00-10:00", null), NOW);

        assertThat(anHour.resolve(number("+44 20 7946 0958"), null)).isEqualTo(new ZoneResolution.NoCallingWindow(
                "+44 20 7946 0958: its time zone Europe/London has no hour of 09:00-10:00 beyond the closing margin (5m) "
                        + "within a year; check bulkcall.calling-window"));
    }

    @Test
    void acceptsAZoneWhoseWindowLeavesAnHourBeyondTheClosingMargin() {
        RecipientZoneResolver anHourAndMargin = new RecipientZoneResolver(settings("09:00-10:05", null), NOW);

        assertThat(anHourAndMargin.resolve(number("+44 20 7946 0958"), null)).isEqualTo(found("Europe/London"));
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
        List<ZoneResolution> alone = numbers.stream().map(n -> new RecipientZoneResolver(settings("09:00-20:00", null), NOW)
            .resolve(number(n), null)).toList();

        List<ZoneResolution> together = IntStream.range(0, 6_000).parallel()
            .mapToObj(i -> resolver.resolve(number(numbers.get(i % numbers.size())), null))
            .toList();

        assertThat(together).isEqualTo(IntStream.range(0, 6_000).mapToObj(i -> alone.get(i % numbers.size())).toList());
    }

    static CallingWindowSettings settings(String hours, ZoneId defaultZone) {
        return new CallingWindowSettings(true, DailyHours.parse(hours), WeekDays.parse("MON-SAT"), List.of(), defaultZone,
                Duration.ofMinutes(5));
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
