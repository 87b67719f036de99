package io.bulkcall.window;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringTokenizer;
import java.util.TreeMap;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.prefixmapper.PrefixTimeZonesMap;

/**
 * libphonenumber's time zones of number prefixes: the geocoder's {@link PrefixTimeZonesMap}, which
 * {@link PhoneNumberToTimeZonesMapper} looks numbers up in, read once from the mapper's data into
 * sorted arrays of prefixes, one array per length of prefix, each prefix pointing to its zones, worked
 * out once per answer of the map. A number is looked up as the map looks it up, by the longest prefix of
 * its country code and national significant number that the map holds, with arithmetic where the map
 * makes and parses strings for each length: a number costs a few binary searches among ints. The
 * entries are read from the map's own dump ({@code toString()}: a {@code prefix|zone&zone} line each).
 *
 * <p>Immutable and thread-safe.
 */
final class TimeZonePrefixes {

    /** Where {@link PhoneNumberToTimeZonesMapper} loads its map from. */
    private static final String MAP_DATA = "/com/google/i18n/phonenumbers/timezones/data/map_data";

    /** The map's separator of the zones of one answer. */
    private static final String ZONE_SEPARATOR = "&";

    // the mapper answers Etc/Unknown where it cannot tell, which is no zone of the JDK's
    private static final Set<String> KNOWN_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** More digits than this, and a number's digits would not fit a long; no prefix is that long. */
    private static final int MAX_DIGITS = 18;

    private static final long[] POWERS_OF_TEN = powersOfTen();

    /** The geocoder's map. */
    static final TimeZonePrefixes GEOCODER = load();

    /** The lengths of the map's prefixes, longest first. */
    private final int[] lengths;

    /** By length of prefix: the prefixes of that length, in order. */
    private final int[][] prefixes;

    /** By length of prefix: the zones of each prefix, empty where the answer names no zone the JDK knows. */
    private final List<List<Optional<Zones>>> zones;

    private TimeZonePrefixes(SortedMap<Integer, String> entries) {
        TreeMap<Integer, List<Integer>> byLength = new TreeMap<>();
        entries.keySet().forEach(prefix -> byLength.computeIfAbsent(digits(prefix), length -> new ArrayList<>()).add(prefix));
        lengths = byLength.descendingKeySet().stream().mapToInt(Integer::intValue).toArray();
        int slots = byLength.isEmpty() ? 0 : byLength.lastKey() + 1;
        prefixes = new int[slots][];
        zones = new ArrayList<>(slots);
        Map<String, Optional<Zones>> zonesOfAnswer = new HashMap<>();
        for (int length = 0; length < slots; length++) {
            List<Integer> ofLength = byLength.getOrDefault(length, List.of());
            prefixes[length] = ofLength.stream().mapToInt(Integer::intValue).toArray();
            zones.add(ofLength.stream()
                .map(prefix -> zonesOfAnswer.computeIfAbsent(entries.get(prefix), TimeZonePrefixes::zones))
                .toList());
        }
    }

    /**
     * The zones of a geographical number, as the mapper's {@code getTimeZonesForGeographicalNumber}
     * gives them; empty where it answers {@code Etc/Unknown}.
     */
    Optional<Zones> ofNumber(PhoneNumber number) {
        int nationalLength = digits(number.getNationalNumber())
                + (number.isItalianLeadingZero() && number.getNumberOfLeadingZeros() > 0 ? number.getNumberOfLeadingZeros() : 0);
        int countryLength = digits(number.getCountryCode());
        int length = countryLength + nationalLength;
        long national = number.getNationalNumber();
        if (length > MAX_DIGITS) {
            // the trailing digits decide nothing: no prefix is that long
            national /= POWERS_OF_TEN[length - MAX_DIGITS];
            nationalLength -= length - MAX_DIGITS;
            length = MAX_DIGITS;
        }
        return lookUp(number.getCountryCode() * POWERS_OF_TEN[nationalLength] + national, length);
    }

    /** The zones of a country, for a number that is not geographical, as the mapper gives them. */
    Optional<Zones> ofCountry(int countryCode) {
        return lookUp(countryCode, digits(countryCode));
    }

    /** The zones of the longest prefix of {@code key}, a number of {@code length} digits, that the map holds. */
    private Optional<Zones> lookUp(long key, int length) {
        for (int prefixLength : lengths) {
            long prefix = prefixLength <= length ? key / POWERS_OF_TEN[length - prefixLength] : Long.MAX_VALUE;
            int found = prefix <= Integer.MAX_VALUE ? Arrays.binarySearch(prefixes[prefixLength], (int) prefix) : -1;
            if (found >= 0) {
                return zones.get(prefixLength).get(found);
            }
        }
        return Optional.empty();
    }

    /** As the mapper reads an answer: the zones between its separators, none if one is unknown. */
    private static Optional<Zones> zones(String answer) {
        List<ZoneId> ids = new ArrayList<>();
        StringTokenizer tokens = new StringTokenizer(answer, ZONE_SEPARATOR);
        while (tokens.hasMoreTokens()) {
            String id = tokens.nextToken();
            if (!KNOWN_ZONES.contains(id)) {
                return Optional.empty();
            }
            ids.add(ZoneId.of(id));
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(Zones.of(ids));
    }

    private static int digits(long number) {
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && number >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        return digits;
    }

    private static long[] powersOfTen() {
        long[] powers = new long[MAX_DIGITS + 1];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }

    private static TimeZonePrefixes load() {
        PrefixTimeZonesMap map = new PrefixTimeZonesMap();
        try (InputStream data = PhoneNumberToTimeZonesMapper.class.getResourceAsStream(MAP_DATA);
                ObjectInputStream in = new ObjectInputStream(data)) {
            map.readExternal(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("libphonenumber's time zone data cannot be read from " + MAP_DATA, ex);
        }
        TreeMap<Integer, String> entries = new TreeMap<>();
        map.toString().lines().forEach(line -> {
            int separator = line.indexOf('|');
            entries.put(Integer.valueOf(line.substring(0, separator)), line.substring(separator + 1));
        });
        return new TimeZonePrefixes(entries);
    }
}
