package io.bulkcall.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Cartesia takes in a recipient's {@code dynamic_variables} under {@code 2026-08-14}: the one
 * statement of its limits, which validation checks every row against and the client checks every
 * request against before it is sent.
 */
public final class DynamicVariableLimits {

    /** The most dynamic variables Cartesia takes for one recipient. */
    public static final int MAX_VARIABLES = 64;

    /** The longest name of a dynamic variable. */
    public static final int MAX_NAME = 64;

    /** The most bytes a recipient's {@code dynamic_variables} may take as UTF-8 JSON (16 KiB). */
    public static final int MAX_BYTES = 16 * 1024;

    /** The bytes of the object around the variables, {@code {}}, for a sum of {@link #entryBound}. */
    public static final long OBJECT_BOUND = 2;

    private static final List<String> RESERVED_PREFIXES = List.of("system__", "secret__");

    /** The characters of a name: letters, digits and {@code _}, not starting with a digit. */
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DynamicVariableLimits() {
    }

    /** Whether the name is written as Cartesia's names are, whatever its length and prefix. */
    public static boolean hasNameCharacters(String name) {
        return NAME_CHARACTERS.matcher(name).matches();
    }

    /** Whether Cartesia takes the name: its characters, its length, no reserved prefix. */
    public static boolean isName(String name) {
        return name.length() <= MAX_NAME && hasNameCharacters(name) && reservedPrefix(name).isEmpty();
    }

    /** The prefix Cartesia reserves that the name starts with, in any case. */
    public static Optional<String> reservedPrefix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return RESERVED_PREFIXES.stream().filter(lower::startsWith).findFirst();
    }

    /**
     * A bound on the bytes one variable adds to the compact JSON object: six a value character (what a
     * control character takes, escaped) and four around the name ({@code "":""} and a comma). Summed
     * over a recipient's variables, with {@link #OBJECT_BOUND}, it says whether the JSON may pass
     * {@link #MAX_BYTES}, so that only a recipient near the limit needs serializing to know.
     */
    public static long entryBound(String name, String value) {
        return name.length() + 4 + 6L * value.length();
    }
}
