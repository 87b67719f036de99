package io.bulkcall.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Number cells as files hold them, generated from a seed, the same cells for the same seed: valid and
 * nearly valid numbers of every region and non-geographical calling code, of every type (toll-free among
 * them), in every way of writing them (E.164, international, national, RFC 3966, with {@code 00} or
 * {@code 011}, with separators, in full-width digits); US numbers as people write them; random digits;
 * the damage a spreadsheet does (scientific notation, formulas, a lost {@code +}, a lost leading
 * {@code 0}); extensions; text and junk; and repeats of earlier cells. Not thread-safe: one per thread.
 */
final class MixedNumberCells {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    private static final List<String> REGIONS = PHONE_NUMBERS.getSupportedRegions().stream().sorted().toList();

    private static final List<Integer> NON_GEOGRAPHICAL = PHONE_NUMBERS.getSupportedGlobalNetworkCallingCodes()
        .stream()
        .sorted()
        .toList();

    private static final PhoneNumberType[] TYPES = PhoneNumberType.values();

    private static final Map<String, List<PhoneNumber>> EXAMPLES = new ConcurrentHashMap<>();

    private static final String[] SEPARATORS = { " ", "-", ".", "", " - ", "/" };

    private static final String[] EXTENSIONS = { " x12", " ext. 345", ";ext=7", " #99", " extension 1", ",,12", " 503#" };

    private static final String[] JUNK = { "", "   ", "+", "++1 212 555 0143", "call me", "n/a", "-", "tel:", "#REF!",
        "1-800-FLOWERS", "+1 (800) GOT-MILK", "tel:+1-212-555-0143;phone-context=+1", "tel:2125550143;phone-context=example.com",
        "+1 212 555 0143 / 0144", "212 555 0143 and 212 555 0144", "＋１ ２１２ ５５５ ０１４３", "٠٢١٢٥٥٥٠١٤٣", "(0)20 7183 8750",
        "+44 (0)20 7183 8750", "0", "00", "+0 123 456", "+00 44 20 7183 8750", "1".repeat(251), "+1 " + "2".repeat(260) };

    private final SplittableRandom random;

    private final List<String> earlier = new ArrayList<>();

    MixedNumberCells(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next cell. */
    String next() {
        int kind = random.nextInt(100);
        String cell;
        if (kind < 35) {
            cell = written(nearlyValid());
        }
        else if (kind < 60) {
            cell = usNumber();
        }
        else if (kind < 66) {
            cell = tollFree();
        }
        else if (kind < 76) {
            cell = digits();
        }
        else if (kind < 86) {
            cell = spreadsheetDamage();
        }
        else if (kind < 90) {
            cell = usNumber() + pick(EXTENSIONS);
        }
        else if (kind < 95) {
            cell = junk();
        }
        else {
            cell = earlier.isEmpty() ? usNumber() : earlier.get(random.nextInt(earlier.size()));
        }
        if (earlier.size() < 10_000) {
            earlier.add(cell);
        }
        else {
            earlier.set(random.nextInt(earlier.size()), cell);
        }
        return cell;
    }

    /** An example number of a random region or calling code and type, its last digits changed, or none. */
    private PhoneNumber nearlyValid() {
        List<PhoneNumber> examples;
        if (random.nextInt(10) == 0) {
            int code = NON_GEOGRAPHICAL.get(random.nextInt(NON_GEOGRAPHICAL.size()));
            examples = EXAMPLES.computeIfAbsent("+" + code, key -> nonNull(PHONE_NUMBERS.getExampleNumberForNonGeoEntity(code)));
        }
        else {
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            examples = EXAMPLES.computeIfAbsent(region, MixedNumberCells::examples);
        }
        if (examples.isEmpty()) {
            return nearlyValid();
        }
        PhoneNumber example = examples.get(random.nextInt(examples.size()));
        PhoneNumber number = new PhoneNumber().mergeFrom(example);
        int changed = random.nextInt(5);
        long scale = (long) Math.pow(10, changed);
        number.setNationalNumber(number.getNationalNumber() / scale * scale + random.nextLong(scale));
        return number;
    }

    private static List<PhoneNumber> examples(String region) {
        List<PhoneNumber> examples = new ArrayList<>();
        for (PhoneNumberType type : TYPES) {
            PhoneNumber example = PHONE_NUMBERS.getExampleNumberForType(region, type);
            if (example != null) {
                examples.add(example);
            }
        }
        return examples;
    }

    private static List<PhoneNumber> nonNull(PhoneNumber number) {
        return number == null ? List.of() : List.of(number);
    }

    private String written(PhoneNumber number) {
        String e164 = PHONE_NUMBERS.format(number, PhoneNumberFormat.E164);
        return switch (random.nextInt(11)) {
            case 0, 1 -> e164;
            case 2, 3 -> PHONE_NUMBERS.format(number, PhoneNumberFormat.INTERNATIONAL);
            case 4 -> PHONE_NUMBERS.format(number, PhoneNumberFormat.NATIONAL);
            case 5 -> PHONE_NUMBERS.format(number, PhoneNumberFormat.RFC3966);
            case 6 -> "00" + e164.substring(1);
            case 7 -> "011 " + e164.substring(1);
            case 8 -> separated(e164);
            case 9 -> e164.substring(1);
            default -> " " + PHONE_NUMBERS.format(number, PhoneNumberFormat.INTERNATIONAL).replace(' ', '-') + " ";
        };
    }

    /** A US number as people write it: ten digits, most of them valid, in one of the usual forms. */
    private String usNumber() {
        String area = String.valueOf(random.nextInt(random.nextInt(20) == 0 ? 0 : 200, 1000));
        String exchange = String.format("%03d", random.nextInt(random.nextInt(20) == 0 ? 0 : 200, 1000));
        String line = String.format("%04d", random.nextInt(10_000));
        return switch (random.nextInt(9)) {
            case 0 -> "+1 " + area + " " + exchange + " " + line;
            case 1 -> "(" + area + ") " + exchange + "-" + line;
            case 2 -> area + "." + exchange + "." + line;
            case 3 -> area + exchange + line;
            case 4 -> "1" + area + exchange + line;
            case 5 -> "+1" + area + exchange + line;
            case 6 -> "1-" + area + "-" + exchange + "-" + line;
            case 7 -> "+1 (" + area + ") " + exchange + "-" + line;
            default -> area + " " + exchange + " " + line;
        };
    }

    private String tollFree() {
        String digits = String.format("%07d", random.nextInt(10_000_000));
        return switch (random.nextInt(4)) {
            case 0 -> "+1 8" + pick(new String[] { "00", "33", "44", "55", "66", "77", "88", "22" }) + " " + digits;
            case 1 -> "1-800-" + digits.substring(0, 3) + "-" + digits.substring(3);
            case 2 -> "+800 " + String.format("%08d", random.nextInt(100_000_000));
            default -> "0800 " + digits;
        };
    }

    /** Digits of any length, with or without a + or leading zeros. */
    private String digits() {
        StringBuilder digits = new StringBuilder(switch (random.nextInt(4)) {
            case 0 -> "+";
            case 1 -> "0";
            case 2 -> "+0";
            default -> "";
        });
        int length = random.nextInt(1, 21);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private String spreadsheetDamage() {
        PhoneNumber number = nearlyValid();
        String e164 = PHONE_NUMBERS.format(number, PhoneNumberFormat.E164);
        String national = PHONE_NUMBERS.getNationalSignificantNumber(number);
        return switch (random.nextInt(6)) {
            case 0 -> e164.charAt(1) + "." + e164.substring(2, Math.min(e164.length(), 7)) + "E+" + (e164.length() - 2);
            case 1 -> "=" + e164.substring(1);
            case 2 -> "=" + e164;
            case 3 -> "@" + e164;
            case 4 -> e164.substring(1);
            default -> national;
        };
    }

    private String junk() {
        if (random.nextBoolean()) {
            return pick(JUNK);
        }
        String base = usNumber();
        int at = random.nextInt(base.length() + 1);
        String insertable = "abcxX#*;,:/\\~()[]+-. \t'\"";
        char inserted = insertable.charAt(random.nextInt(insertable.length()));
        return base.substring(0, at) + inserted + base.substring(at);
    }

    private String separated(String e164) {
        String separator = pick(SEPARATORS);
        StringBuilder written = new StringBuilder("+");
        for (int i = 1; i < e164.length(); i++) {
            if (i > 1 && random.nextInt(3) == 0) {
                written.append(separator);
            }
            written.append(e164.charAt(i));
        }
        return written.toString();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
