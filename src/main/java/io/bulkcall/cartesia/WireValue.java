package io.bulkcall.cartesia;

import java.util.Locale;

/**
 * Maps a status string of the API onto a known constant. Cartesia may add status values within
 * one API version, so an unknown one maps to the enum's {@code UNKNOWN} constant instead of failing.
 */
final class WireValue {

    private WireValue() {
    }

    static <E extends Enum<E>> E kindOf(Class<E> type, String raw, E unknown) {
        if (raw == null) {
            return unknown;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException notKnown) {
            return unknown;
        }
    }
}
