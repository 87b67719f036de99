package io.bulkcall.validation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource;
import io.bulkcall.config.InvalidSettingException;

/**
 * Turns a number cell, as an operator or a spreadsheet wrote it, into E.164 with libphonenumber.
 * Numbers without a leading {@code +} are read as numbers of the default region; the usual ways of
 * writing numbers are accepted ({@code +1 212 555 0143}, {@code (212) 555-0143}, {@code 212.555.0143},
 * {@code 0049 30 1234567}, {@code tel:+1-212-555-0143}). A number must be valid for its region, not
 * merely of a possible length.
 *
 * <p>Damage a spreadsheet does to numbers is recognised and rejected with a hint, never repaired:
 * scientific notation ({@code 4.15555E+10}), a number stored as a decimal ({@code 2125550143.0}), a
 * lost leading {@code +}, a lost leading {@code 0}. Numbers with an extension are rejected too, as an
 * extension cannot be dialed, and so is a cell that holds two numbers.
 *
 * <p>libphonenumber reads and validates the numbers through {@link FastNumberReading}, which gives its
 * answers at a fraction of its cost.
 *
 * <p>Thread-safe.
 */
public final class PhoneNumberNormalizer {

    private static final Pattern SCIENTIFIC_NOTATION = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?[eE][+-]?\\d+");

    /** The longest cell libphonenumber parses; it rejects longer ones as too long. */
    private static final int MAX_PARSED_LENGTH = 250;

    private static final int MIN_PLAIN_DIGITS = 3;

    private static final String FORMAT_AS_TEXT = "; format the column as text and enter the numbers again";

    /** The most digits a number has, its country code with it (E.164). */
    private static final int MAX_DIGITS = 15;

    /**
     * A word apart from the digits, after a space, a parenthesis or a colon; a vanity number's letters
     * ({@code 1-800-FLOWERS}) are a part of the number.
     */
    private static final Pattern WORD = Pattern.compile("(?:^|[\\s(:])(\\p{L}{2,})");

    /** What people put between two numbers in one cell. */
    private static final Pattern BETWEEN_NUMBERS = Pattern.compile("[/,;&|\\n]| or | and ");

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    private final NumberReading reading;

    private final String defaultRegion;

    private final boolean defaultRegionDropsZero;

    /**
     * @param defaultRegion the ISO 3166 region of numbers written without {@code +}
     *        ({@code bulkcall.validation.default-region})
     * @throws InvalidSettingException when libphonenumber does not know the region
     */
    public PhoneNumberNormalizer(String defaultRegion) {
        this(checked(defaultRegion), new FastNumberReading(defaultRegion));
    }

    /** @param reading how numbers of {@code defaultRegion} are read and validated */
    PhoneNumberNormalizer(String defaultRegion, NumberReading reading) {
        this.reading = reading;
        this.defaultRegion = defaultRegion;
        this.defaultRegionDropsZero = "0".equals(phoneNumbers.getNddPrefixForRegion(defaultRegion, true));
    }

    private static String checked(String defaultRegion) {
        if (defaultRegion == null || !PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
            // UK is the one code people reach for that ISO 3166 does not give
            throw new InvalidSettingException("bulkcall.validation.default-region=" + defaultRegion + ":",
                    "UK".equals(defaultRegion) ? "is not a region code; the United Kingdom's is GB"
                            : "is not a region with phone numbers; use its ISO 3166 code, such as US or GB");
        }
        return defaultRegion;
    }

    /** Checks and normalizes one number cell. */
    public NumberCheck normalize(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return new NumberCheck.Invalid(RejectionReason.MISSING_NUMBER, "the number is empty");
        }
        if (isDecimal(text)) {
            // libphonenumber takes the point for a separator and the 0 after it for a digit: in a region
            // whose numbers vary in length, 3012345678.0 would be a valid number, and not this one
            return invalid("a spreadsheet or a script stored it as the decimal " + text + FORMAT_AS_TEXT);
        }
        String written = withPlusForDoubleZero(text);
        String plain = plainNumber(written);
        if (plain == null) {
            if (SCIENTIFIC_NOTATION.matcher(text).matches()) {
                return invalid("a spreadsheet turned it into " + text + ", losing digits" + FORMAT_AS_TEXT);
            }
            if (text.charAt(0) == '=' || text.charAt(0) == '@') {
                // libphonenumber would skip the sign and read the digits after it: a formula is not a number
                return invalid("is a spreadsheet formula, not a number" + FORMAT_AS_TEXT);
            }
        }
        boolean digitsOnly = isDigits(text);
        PhoneNumber number;
        try {
            // the country code source, which lostNationalZero reads, is kept only by parseAndKeepRawInput
            number = digitsOnly ? reading.parse(written, true)
                    : reading.parse(parsesAlike(written, plain) ? plain : written, false);
        }
        catch (NumberParseException ex) {
            return invalid(misread(text).orElse(describe(ex.getErrorType())));
        }
        PhoneNumberType type = reading.type(number);
        if (type != PhoneNumberType.UNKNOWN) {
            if (digitsOnly && lostNationalZero(text, number)) {
                return invalid(lostZeroHint(text));
            }
            if (number.hasExtension()) {
                return invalid("has an extension (" + number.getExtension() + "), which cannot be dialed; remove it");
            }
            return new NumberCheck.Valid(phoneNumbers.format(number, PhoneNumberFormat.E164), number, type);
        }
        if (digitsOnly && isValid("+" + text)) {
            return invalid("looks like +" + text + " with its leading + lost, probably by a spreadsheet" + FORMAT_AS_TEXT);
        }
        if (digitsOnly && !text.startsWith("0") && isValid("0" + text)) {
            return invalid(lostZeroHint(text));
        }
        return invalid(misread(text).orElseGet(() -> whyInvalid(number)));
    }

    /**
     * Whether the cell is digits, with at most a leading {@code +}, then a point or a comma and one or
     * two zeros: what a spreadsheet column of numbers or a script's floating-point value makes of a
     * number ({@code 2125550143.0}, {@code 2125550143,00}). Nobody writes a phone number that way.
     */
    private static boolean isDecimal(String text) {
        int digits = text.charAt(0) == '+' ? 1 : 0;
        int point = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
        int zeros = text.length() - point - 1;
        if (point <= digits || zeros < 1 || zeros > 2 || !isDigits(text.substring(digits, point))) {
            return false;
        }
        return text.substring(point + 1).chars().allMatch(c -> c == '0');
    }

    /**
     * What made a refused cell unreadable when it is more than one number: two numbers or more, as
     * libphonenumber finds them in it, or words beside the digits of a number, whose letters
     * libphonenumber reads as the digits of a keypad ({@code (mobile)} as 662453) and then finds too
     * many. A cell of words alone is simply not a number.
     */
    private Optional<String> misread(String text) {
        long digits = text.chars().filter(Character::isDigit).count();
        if (digits > MAX_DIGITS || BETWEEN_NUMBERS.matcher(text).find()) {
            long found = StreamSupport.stream(phoneNumbers.findNumbers(text, defaultRegion).spliterator(), false)
                .count();
            if (found > 1) {
                return Optional.of("holds " + found + " numbers; give each its own row");
            }
        }
        Matcher word = WORD.matcher(text);
        if (digits >= MIN_PLAIN_DIGITS && word.find()) {
            return Optional.of("has words beside the number (" + word.group(1) + "); keep the number alone");
        }
        return Optional.empty();
    }

    /**
     * The cell without its separators, when it is written the plain way: digits, the separators space,
     * {@code -}, {@code .}, {@code (} and {@code )}, and at most a leading {@code +}. {@code null} for any
     * other cell.
     */
    private static String plainNumber(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c == '+' && i == 0) {
                plain.append(c);
            }
            else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        return plain.length() == text.length() ? text : plain.toString();
    }

    // libphonenumber drops those separators before it reads the digits, so it makes the same number of
    // the plain form, and its patterns, most of the cost of parsing, then run over fewer characters (a
    // third less time for "+1 212 555 0143"). It answers differently only for a cell longer than it
    // reads, or one of fewer than three digits ("1-2" is not a number to it, "12" is).
    private static boolean parsesAlike(String text, String plain) {
        return plain != null && text.length() <= MAX_PARSED_LENGTH
                && plain.length() - (plain.startsWith("+") ? 1 : 0) >= MIN_PLAIN_DIGITS;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // 00 is the international prefix of most of the world; libphonenumber honours it only where the
    // default region dials abroad with it, and no national number starts with 00.
    private static String withPlusForDoubleZero(String text) {
        return text.startsWith("00") ? "+" + text.substring(2) : text;
    }

    // A spreadsheet stores 07911123456 as the number 7911123456. libphonenumber accepts that as a
    // valid national number, but where national numbers are written with a leading 0, its absence
    // in a digits-only cell is the mark of that damage.
    private boolean lostNationalZero(String text, PhoneNumber number) {
        return defaultRegionDropsZero
                && !text.startsWith("0")
                && number.getCountryCodeSource() == CountryCodeSource.FROM_DEFAULT_COUNTRY;
    }

    private static String lostZeroHint(String text) {
        return "looks like 0" + text + " with its leading 0 lost, probably by a spreadsheet" + FORMAT_AS_TEXT;
    }

    private boolean isValid(String candidate) {
        try {
            return reading.type(reading.parse(candidate, false)) != PhoneNumberType.UNKNOWN;
        }
        catch (NumberParseException ex) {
            return false;
        }
    }

    private static String describe(NumberParseException.ErrorType error) {
        return switch (error) {
            case INVALID_COUNTRY_CODE -> "invalid country code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }

    private String whyInvalid(PhoneNumber number) {
        String region = phoneNumbers.getRegionCodeForCountryCode(number.getCountryCode());
        return switch (phoneNumbers.isPossibleNumberWithReason(number)) {
            case TOO_SHORT -> "too short for region " + region;
            case IS_POSSIBLE_LOCAL_ONLY -> "too short for region " + region + "; is the area code missing?";
            case TOO_LONG -> "too long for region " + region;
            case INVALID_LENGTH -> "wrong number of digits for region " + region;
            case INVALID_COUNTRY_CODE -> "invalid country code";
            case IS_POSSIBLE -> "not a valid number for region " + region;
        };
    }

    private static NumberCheck invalid(String detail) {
        return new NumberCheck.Invalid(RejectionReason.INVALID_NUMBER, detail);
    }
}
