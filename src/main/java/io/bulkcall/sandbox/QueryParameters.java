package io.bulkcall.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters of a request, checked strictly: a parameter the endpoint does not know, a
 * repeated one or a malformed number is a 400.
 */
final class QueryParameters {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (values.putIfAbsent(name, value) != null) {
                    throw ApiError.BAD_REQUEST.exception("query parameter '" + name + "' is repeated");
                }
            }
        }
        return new QueryParameters(values);
    }

    /** Refuses any parameter outside {@code known}. */
    QueryParameters allowOnly(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw ApiError.BAD_REQUEST.exception("unknown query parameter '" + name + "'");
            }
        }
        return this;
    }

    /** The parameter's value, {@code null} when absent; present but empty is a 400. */
    String text(String name) {
        String value = values.get(name);
        if (value != null && value.isEmpty()) {
            throw ApiError.BAD_REQUEST.exception("query parameter '" + name + "' is empty");
        }
        return value;
    }

    /** A whole number in {@code min..max}, or {@code absent} when the parameter is not sent. */
    int integer(String name, int min, int max, int absent) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw ApiError.BAD_REQUEST.exception("query parameter '" + name + "' must be an integer from " + min
                    + " to " + max + ", got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException malformed) {
            throw ApiError.BAD_REQUEST.exception("malformed query string: " + malformed.getMessage());
        }
    }
}
