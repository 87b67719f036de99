package io.bulkcall.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The yardstick of {@link LargeFileBenchmark}: the least a validation of its file can do, on one thread,
 * with libphonenumber and nothing else (no Spring, no database, no report). Each line: its first cell,
 * {@code PhoneNumberUtil.parse} in the US, {@code isValidNumber}, E.164, and into a {@code HashSet}. Run as
 * a process of its own, {@code java -Xmx256m -cp ... BarePass FILE}, so that it is timed as bulkcall is,
 * JVM start-up included. Prints the valid and distinct numbers it found.
 */
final class BarePass {

    private BarePass() {
    }

    public static void main(String[] arguments) throws IOException {
        PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
        Set<String> distinct = new HashSet<>();
        long valid = 0;
        try (BufferedReader lines = Files.newBufferedReader(Path.of(arguments[0]), StandardCharsets.UTF_8)) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                try {
                    PhoneNumber number = phoneNumbers.parse(line.substring(0, line.indexOf(',')), "US");
                    if (phoneNumbers.isValidNumber(number)) {
                        valid++;
                        distinct.add(phoneNumbers.format(number, PhoneNumberFormat.E164));
                    }
                }
                catch (NumberParseException notANumber) {
                    // counted out, as bulkcall rejects it
                }
            }
        }
        System.out.println(valid + " valid, " + distinct.size() + " distinct");
    }
}
