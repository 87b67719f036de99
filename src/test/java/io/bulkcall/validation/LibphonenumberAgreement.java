package io.bulkcall.validation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.DailyHours;
import io.bulkcall.window.RecipientZoneResolver;
import io.bulkcall.window.WeekDays;
import io.bulkcall.window.ZoneResolution;

/**
 * Runs number cells ({@link MixedNumberCells}) through the validation's fast path and through plain
 * libphonenumber calls, and collects every difference: the check of each cell ({@link PhoneNumberNormalizer}
 * on {@link FastNumberReading} against the same normalizer on libphonenumber's {@code parse} and
 * {@code getNumberType}: E.164, validity, type, rejection reason and detail); the reading of the cell as
 * written and without its separators, the number or the parse error, with and without the raw input
 * kept; each number's type, and {@code isValidNumber} against it; and each valid number's time zones,
 * from {@link RecipientZoneResolver} against {@link PhoneNumberToTimeZonesMapper#getTimeZonesForNumber}.
 * Cells are read as numbers of several default regions, the US most.
 */
final class LibphonenumberAgreement {

    private static final List<String> DEFAULT_REGIONS = List.of("US", "US", "US", "US", "GB", "DE", "IT", "FR", "AU",
            "IN", "BR", "CA", "JP", "MX", "NG");

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    private static final Set<String> KNOWN_ZONES = ZoneId.getAvailableZoneIds();

    /** Open every hour of every day, so that any set of zones shares calling time and only the zones are compared. */
    private static final RecipientZoneResolver ZONES = new RecipientZoneResolver(new CallingWindowSettings(true,
            DailyHours.parse("00:00-24:00"), WeekDays.parse("MON-SUN"), List.of(), null, Duration.ofMinutes(5)),
            Instant.parse("2026-01-14T12:00:00Z"));

    private static final Map<String, Readers> READERS = DEFAULT_REGIONS.stream()
        .distinct()
        .collect(Collectors.toMap(Function.identity(), Readers::new));

    private static final int MAX_DIFFERENCES = 20;

    private LibphonenumberAgreement() {
    }

    /**
     * Compares {@code cells} cells, generated in {@code parts} runs of their own seeds, on as many threads.
     *
     * @return what was compared, and the first differences found
     */
    static Agreement compare(long seed, int cells, int parts) {
        return IntStream.range(0, parts)
            .parallel()
            .mapToObj(part -> compare(seed + part, cells / parts + (part < cells % parts ? 1 : 0)))
            .reduce(Agreement::plus)
            .orElseThrow();
    }

    private static Agreement compare(long seed, int cells) {
        MixedNumberCells generator = new MixedNumberCells(seed);
        Agreement agreement = new Agreement(0, 0, 0, new ArrayList<>());
        for (int i = 0; i < cells; i++) {
            agreement = agreement.plus(compareCell(generator.next(), DEFAULT_REGIONS.get(i % DEFAULT_REGIONS.size())));
        }
        return agreement;
    }

    private static Agreement compareCell(String cell, String region) {
        Readers readers = READERS.get(region);
        List<String> differences = new ArrayList<>();
        NumberCheck fast = readers.fast.normalize(cell);
        NumberCheck plain = readers.plain.normalize(cell);
        if (!fast.equals(plain)) {
            differences.add("check of \"%s\" in %s: %s, libphonenumber: %s".formatted(cell, region, fast, plain));
        }
        long digitForms = 0;
        String stripped = cell.strip();
        for (String text : List.of(cell, stripped.replaceAll("[ ().-]", ""))) {
            digitForms += text.matches("\\+?\\d+") ? 1 : 0;
            for (boolean keepRawInput : new boolean[] { false, true }) {
                Object read = outcome(() -> readers.reading.parse(text, keepRawInput));
                Object parsed = outcome(() -> keepRawInput ? PHONE_NUMBERS.parseAndKeepRawInput(text, region)
                        : PHONE_NUMBERS.parse(text, region));
                if (!read.equals(parsed)) {
                    differences.add("parse of \"%s\" in %s (raw input kept: %s): %s, libphonenumber: %s".formatted(text,
                            region, keepRawInput, read, parsed));
                }
                if (parsed instanceof PhoneNumber number) {
                    PhoneNumberType type = PHONE_NUMBERS.getNumberType(number);
                    if (readers.reading.type(number) != type || PHONE_NUMBERS.isValidNumber(number) != (type != PhoneNumberType.UNKNOWN)) {
                        differences.add("type of %s: %s, libphonenumber: %s, valid: %s".formatted(number,
                                readers.reading.type(number), type, PHONE_NUMBERS.isValidNumber(number)));
                    }
                }
            }
        }
        long valid = 0;
        if (fast instanceof NumberCheck.Valid number) {
            valid = 1;
            List<ZoneId> zones = zones(ZONES.resolve(number.parsed(), number.type(), null));
            List<ZoneId> mapped = mapped(number.parsed());
            if (!zones.equals(mapped)) {
                differences.add("zones of %s: %s, libphonenumber: %s".formatted(number.e164(), zones, mapped));
            }
        }
        return new Agreement(1, valid, digitForms, differences);
    }

    private static List<ZoneId> zones(ZoneResolution resolution) {
        return resolution instanceof ZoneResolution.Found found ? found.zones().ids() : List.of();
    }

    /** The mapper's zones, in the order and form of the resolver's; none where one is unknown. */
    private static List<ZoneId> mapped(PhoneNumber number) {
        List<String> ids = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number);
        if (!KNOWN_ZONES.containsAll(ids)) {
            return List.of();
        }
        return ids.stream().distinct().sorted().map(ZoneId::of).toList();
    }

    private static Object outcome(Parse parse) {
        try {
            return parse.parse();
        }
        catch (NumberParseException ex) {
            return ex.getErrorType();
        }
    }

    @FunctionalInterface
    private interface Parse {
        PhoneNumber parse() throws NumberParseException;
    }

    /** libphonenumber itself, as the normalizer read numbers before it had a fast path. */
    private record Plain(String region) implements NumberReading {

        @Override
        public PhoneNumber parse(String text, boolean keepRawInput) throws NumberParseException {
            return keepRawInput ? PHONE_NUMBERS.parseAndKeepRawInput(text, region) : PHONE_NUMBERS.parse(text, region);
        }

        @Override
        public PhoneNumberType type(PhoneNumber number) {
            return PHONE_NUMBERS.getNumberType(number);
        }
    }

    private static final class Readers {

        final FastNumberReading reading;

        final PhoneNumberNormalizer fast;

        final PhoneNumberNormalizer plain;

        Readers(String region) {
            reading = new FastNumberReading(region);
            fast = new PhoneNumberNormalizer(region, reading);
            plain = new PhoneNumberNormalizer(region, new Plain(region));
        }
    }

    /**
     * @param cells cells compared
     * @param valid valid numbers among them
     * @param digitForms forms of the cells read that were digits, with or without a +: the fast path's
     * @param differences the first differences found, in words
     */
    record Agreement(long cells, long valid, long digitForms, List<String> differences) {

        Agreement plus(Agreement other) {
            List<String> both = new ArrayList<>(differences);
            other.differences.stream().limit(Math.max(0, MAX_DIFFERENCES - both.size())).forEach(both::add);
            return new Agreement(cells + other.cells, valid + other.valid, digitForms + other.digitForms, both);
        }
    }
}
