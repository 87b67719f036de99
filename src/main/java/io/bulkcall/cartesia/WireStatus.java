package io.bulkcall.cartesia;

import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A {@code status} as the API sent it: the known kind, and the raw text kept verbatim, since
 * Cartesia may add status values within one API version and reports must still show them. A value
 * the client does not know has the kind {@code UNKNOWN} instead of failing the answer. Immutable
 * and thread-safe; equal when of the same type with the same raw text.
 *
 * @param <K> the known values, an enum with an {@code UNKNOWN} constant
 */
abstract sealed class WireStatus<K extends Enum<K>> permits CallBatchStatus, RecipientStatus {

    private final K kind;
    private final String raw;

    WireStatus(Class<K> kinds, K unknown, String raw) {
        this.kind = kindOf(kinds, unknown, raw);
        this.raw = raw;
    }

    private static <K extends Enum<K>> K kindOf(Class<K> kinds, K unknown, String raw) {
        if (raw == null) {
            return unknown;
        }
        try {
            return Enum.valueOf(kinds, raw.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException notKnown) {
            return unknown;
        }
    }

    public K kind() {
        return kind;
    }

    /** The text as Cartesia sent it; what the job stores and reports show. */
    @JsonValue
    public String raw() {
        return raw;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Objects.equals(((WireStatus<?>) other).raw, raw);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
