package io.bulkcall.validation;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

/**
 * libphonenumber's {@code parse} and {@code getNumberType} with libphonenumber's own metadata and
 * rules, at a fraction of their cost for the numbers a large file holds. It answers exactly as
 * libphonenumber does: {@code NumberReadingEqualityTest} compares the two on 20,000 mixed cells in the
 * suite, {@code NumberReadingEqualityBenchmark} on a million.
 *
 * <ul>
 * <li>Reading: a cell of digits, with or without a leading {@code +}, is read here when libphonenumber
 * would take its digits as written: after a {@code +}, a country code and the national number; without
 * one, a national number of the default region that starts with neither its international prefix nor
 * its country code. Where the national number starts with what its region's national prefix for parsing
 * matches, or the cell is anything else (other characters, too short, too long, an unknown country
 * code), libphonenumber parses it: that is where its extraction rules have choices to make.</li>
 * <li>Type: libphonenumber finds the region of a number by working out its type in each region of its
 * calling code in turn (for +1, the United States first), works the type out again in the region found,
 * and {@code isValidNumber} does both once more. Here the region is found the same way and its type
 * kept: one evaluation per number. Each region's patterns are compiled once, so a number is not charged
 * libphonenumber's per-call metadata look-up (a file name built and hashed each time) and pattern cache
 * (one lock that every checking thread takes).</li>
 * </ul>
 *
 * <p>Thread-safe; the rules of a calling code are put together on first use.
 */
final class FastNumberReading implements NumberReading {

    /** libphonenumber's longest calling code. */
    private static final int MAX_COUNTRY_CODE_LENGTH = 3;

    /** libphonenumber's shortest and longest national significant numbers. */
    private static final int MIN_NATIONAL_LENGTH = 2;

    private static final int MAX_NATIONAL_LENGTH = 17;

    /** Fewer digits than this and libphonenumber's viability rule has a say. */
    private static final int MIN_DIGITS = 3;

    private static final String NON_GEOGRAPHICAL_REGION = "001";

    private static final CallingCode UNKNOWN_CODE = new CallingCode(0, List.of());

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    private final MetadataSource metadata = DefaultMetadataDependenciesProvider.getInstance()
        .getPhoneNumberMetadataSource();

    private final String defaultRegion;

    private final Region home;

    private final String homeCountryCode;

    /** The calling codes met so far, by code; {@link #UNKNOWN_CODE} for one libphonenumber does not know. */
    private final AtomicReferenceArray<CallingCode> callingCodes = new AtomicReferenceArray<>(1000);

    /** @param defaultRegion a region libphonenumber supports: the region of numbers written without {@code +} */
    FastNumberReading(String defaultRegion) {
        this.defaultRegion = defaultRegion;
        this.home = new Region(metadata.getMetadataForRegion(defaultRegion));
        this.homeCountryCode = String.valueOf(home.countryCode);
    }

    @Override
    public PhoneNumber parse(String text, boolean keepRawInput) throws NumberParseException {
        PhoneNumber number = readDigits(text, keepRawInput);
        if (number != null) {
            return number;
        }
        return keepRawInput ? phoneNumbers.parseAndKeepRawInput(text, defaultRegion) : phoneNumbers.parse(text, defaultRegion);
    }

    @Override
    public PhoneNumberType type(PhoneNumber number) {
        List<Region> regions = callingCode(number.getCountryCode()).regions();
        if (regions.isEmpty()) {
            return PhoneNumberType.UNKNOWN;
        }
        String national = phoneNumbers.getNationalSignificantNumber(number);
        if (regions.size() == 1) {
            return regions.get(0).type(national);
        }
        // libphonenumber's getRegionCodeForNumber: the first region whose leading digits start the
        // number, or, for a region without leading digits, in which the number has a type
        for (Region region : regions) {
            if (region.leadingDigits != null) {
                if (region.leadingDigits.matcher(national).lookingAt()) {
                    return region.type(national);
                }
            }
            else {
                PhoneNumberType type = region.type(national);
                if (type != PhoneNumberType.UNKNOWN) {
                    return type;
                }
            }
        }
        return PhoneNumberType.UNKNOWN;
    }

    /** The number as libphonenumber's parse makes it, or {@code null} where libphonenumber must parse it. */
    private PhoneNumber readDigits(String text, boolean keepRawInput) {
        boolean plus = text.startsWith("+");
        int first = plus ? 1 : 0;
        int digits = text.length() - first;
        if (digits < MIN_DIGITS || digits > MAX_COUNTRY_CODE_LENGTH + MAX_NATIONAL_LENGTH || !isDigits(text, first)) {
            return null;
        }
        int countryCode;
        String national;
        Region region;
        if (plus) {
            if (text.charAt(1) == '0') {
                return null;
            }
            CallingCode code = UNKNOWN_CODE;
            int length = 0;
            while (code == UNKNOWN_CODE && length < MAX_COUNTRY_CODE_LENGTH) {
                length++;
                code = callingCode(Integer.parseInt(text, 1, 1 + length, 10));
            }
            if (code == UNKNOWN_CODE) {
                return null;
            }
            countryCode = code.code();
            national = text.substring(1 + length);
            region = code.regions().get(0);
        }
        else {
            if (home.internationalPrefix.matcher(text).lookingAt() || text.startsWith(homeCountryCode)) {
                return null;
            }
            countryCode = home.countryCode;
            national = text;
            region = home;
        }
        if (national.length() < MIN_NATIONAL_LENGTH || national.length() > MAX_NATIONAL_LENGTH
                || region.nationalPrefix != null && region.nationalPrefix.matcher(national).lookingAt()) {
            return null;
        }
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCode);
        setLeadingZeros(national, number);
        number.setNationalNumber(Long.parseLong(national));
        if (keepRawInput) {
            number.setRawInput(text)
                .setCountryCodeSource(plus ? CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN : CountryCodeSource.FROM_DEFAULT_COUNTRY);
        }
        return number;
    }

    private static boolean isDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // as libphonenumber records the leading zeros of an Italian number: the last digit is never one
    private static void setLeadingZeros(String national, PhoneNumber number) {
        if (national.length() > 1 && national.charAt(0) == '0') {
            number.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros != 1) {
                number.setNumberOfLeadingZeros(zeros);
            }
        }
    }

    private CallingCode callingCode(int code) {
        if (code < 0 || code >= callingCodes.length()) {
            return UNKNOWN_CODE;
        }
        CallingCode known = callingCodes.get(code);
        if (known == null) {
            List<Region> regions = phoneNumbers.getRegionCodesForCountryCode(code)
                .stream()
                .map(region -> new Region(NON_GEOGRAPHICAL_REGION.equals(region)
                        ? metadata.getMetadataForNonGeographicalRegion(code) : metadata.getMetadataForRegion(region)))
                .toList();
            callingCodes.compareAndSet(code, null, regions.isEmpty() ? UNKNOWN_CODE : new CallingCode(code, regions));
            known = callingCodes.get(code);
        }
        return known;
    }

    /** A calling code's regions in libphonenumber's order, its main region first. */
    private record CallingCode(int code, List<Region> regions) {
    }

    /** A region's metadata with its patterns compiled, as libphonenumber's pattern cache would hold them. */
    private static final class Region {

        final int countryCode;

        final Pattern internationalPrefix;

        /** {@code null} where the region has no national prefix for parsing. */
        final Pattern nationalPrefix;

        /** {@code null} where the region has no leading digits. */
        final Pattern leadingDigits;

        final NumberDesc general;

        /** The types a number is tried for before fixed line and mobile, in libphonenumber's order. */
        final List<TypedDesc> firstTried;

        final NumberDesc fixedLine;

        final NumberDesc mobile;

        final boolean sameMobileAndFixedLinePattern;

        Region(PhoneMetadata metadata) {
            countryCode = metadata.getCountryCode();
            internationalPrefix = Pattern.compile(metadata.getInternationalPrefix());
            nationalPrefix = metadata.getNationalPrefixForParsing().isEmpty() ? null
                    : Pattern.compile(metadata.getNationalPrefixForParsing());
            leadingDigits = metadata.hasLeadingDigits() ? Pattern.compile(metadata.getLeadingDigits()) : null;
            general = new NumberDesc(metadata.getGeneralDesc());
            firstTried = List.of(new TypedDesc(metadata.getPremiumRate(), PhoneNumberType.PREMIUM_RATE),
                    new TypedDesc(metadata.getTollFree(), PhoneNumberType.TOLL_FREE),
                    new TypedDesc(metadata.getSharedCost(), PhoneNumberType.SHARED_COST),
                    new TypedDesc(metadata.getVoip(), PhoneNumberType.VOIP),
                    new TypedDesc(metadata.getPersonalNumber(), PhoneNumberType.PERSONAL_NUMBER),
                    new TypedDesc(metadata.getPager(), PhoneNumberType.PAGER),
                    new TypedDesc(metadata.getUan(), PhoneNumberType.UAN),
                    new TypedDesc(metadata.getVoicemail(), PhoneNumberType.VOICEMAIL));
            fixedLine = new NumberDesc(metadata.getFixedLine());
            mobile = new NumberDesc(metadata.getMobile());
            sameMobileAndFixedLinePattern = metadata.getSameMobileAndFixedLinePattern();
        }

        /** libphonenumber's type of a national significant number in this region, its checks in its order. */
        PhoneNumberType type(String national) {
            if (!general.matches(national)) {
                return PhoneNumberType.UNKNOWN;
            }
            for (TypedDesc typed : firstTried) {
                if (typed.desc().matches(national)) {
                    return typed.type();
                }
            }
            if (fixedLine.matches(national)) {
                return sameMobileAndFixedLinePattern || mobile.matches(national) ? PhoneNumberType.FIXED_LINE_OR_MOBILE
                        : PhoneNumberType.FIXED_LINE;
            }
            return !sameMobileAndFixedLinePattern && mobile.matches(national) ? PhoneNumberType.MOBILE
                    : PhoneNumberType.UNKNOWN;
        }
    }

    private record TypedDesc(NumberDesc desc, PhoneNumberType type) {

        TypedDesc(PhoneNumberDesc desc, PhoneNumberType type) {
            this(new NumberDesc(desc), type);
        }
    }

    /**
     * A kind of number of a region: its possible lengths and its pattern, matched as libphonenumber
     * matches them (a length it does not list fails without the pattern; an empty list allows any).
     */
    private static final class NumberDesc {

        /** Bit n set when n is a possible length; -1 in the list, "none of this kind", sets none. */
        private final long lengths;

        private final boolean anyLength;

        /** {@code null} when the pattern is empty: then nothing matches. */
        private final Pattern pattern;

        NumberDesc(PhoneNumberDesc desc) {
            long possible = 0;
            for (int length : desc.getPossibleLengthList()) {
                if (length >= 0 && length < Long.SIZE) {
                    possible |= 1L << length;
                }
            }
            lengths = possible;
            anyLength = desc.getPossibleLengthList().isEmpty();
            pattern = desc.getNationalNumberPattern().isEmpty() ? null : Pattern.compile(desc.getNationalNumberPattern());
        }

        boolean matches(String national) {
            int length = national.length();
            return (anyLength || length < Long.SIZE && (lengths & 1L << length) != 0)
                    && pattern != null && pattern.matcher(national).matches();
        }
    }
}
