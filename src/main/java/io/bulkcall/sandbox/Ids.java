package io.bulkcall.sandbox;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Ids in Cartesia's shape, a prefix and 22 base62 characters, made from a sequence number (the
 * first batch, the first recipient, the first call are number 1) and the sandbox's seed. An id is
 * a keyed scramble of its number, so it looks random, yet tells its number back: the sandbox keeps
 * no id, and a state folder's journal, replayed, gives every batch, recipient and call the id it
 * had. The seed itself is random, chosen when a state folder is created (or an in-memory server
 * starts): a job database that outlives a sandbox must never find its old batch ids reused for
 * new batches, and two sandboxes' ids of one number differ unless their seeds are equal. Immutable.
 */
final class Ids {

    enum Kind {
        BATCH("acb_"), RECIPIENT("abcr_"), CALL("ac_");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Base62 digits of one 64-bit half of an id; 22 in all. */
    private static final int HALF = 11;

    private static final long LARGEST_BEFORE_A_DIGIT = Long.divideUnsigned(-1L, BASE62.length());

    /** Two keys a kind: an id of one kind never tells the number of an id of another. */
    private final long[] keys = new long[2 * Kind.values().length];

    Ids(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
    }

    /** A seed for a new sandbox's ids: all the uniqueness of its ids rests on it. */
    static long newSeed() {
        return new SecureRandom().nextLong();
    }

    /** The id of the {@code sequence}-th batch, recipient or call, from 1. */
    String of(Kind kind, long sequence) {
        long high = mix(sequence ^ keys[2 * kind.ordinal()]);
        long low = sequence ^ mix(high ^ keys[2 * kind.ordinal() + 1]);
        char[] id = new char[kind.prefix.length() + 2 * HALF];
        kind.prefix.getChars(0, kind.prefix.length(), id, 0);
        write(high, id, kind.prefix.length());
        write(low, id, kind.prefix.length() + HALF);
        return new String(id);
    }

    /** The number of the batch, recipient or call this sandbox gave {@code id}; 0 for an id it never gave. */
    long sequence(Kind kind, String id) {
        if (!id.startsWith(kind.prefix) || id.length() != kind.prefix.length() + 2 * HALF) {
            return 0;
        }
        try {
            long high = read(id, kind.prefix.length());
            long sequence = read(id, kind.prefix.length() + HALF) ^ mix(high ^ keys[2 * kind.ordinal() + 1]);
            return sequence > 0 && mix(sequence ^ keys[2 * kind.ordinal()]) == high ? sequence : 0;
        }
        catch (NumberFormatException notBase62) {
            return 0;
        }
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer, as SplittableRandom mixes: a bijection. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Writes the unsigned {@code value} as {@link #HALF} base62 digits, most significant first. Java 17
     * divides a value above {@code Long.MAX_VALUE} unsigned by way of {@code BigInteger}, and half the
     * values are: the last digit is taken by hand (halve, divide, correct), which leaves the rest of the
     * value below {@code Long.MAX_VALUE}, for plain division.
     */
    private static void write(long value, char[] into, int at) {
        int base = BASE62.length();
        long rest = ((value >>> 1) / base) << 1;
        long digit = value - rest * base;
        if (digit >= base) {
            rest++;
            digit -= base;
        }
        into[at + HALF - 1] = BASE62.charAt((int) digit);
        for (int i = at + HALF - 2; i >= at; i--) {
            into[i] = BASE62.charAt((int) (rest % base));
            rest /= base;
        }
    }

    /** Reads {@link #HALF} base62 digits as an unsigned 64-bit value. */
    private static long read(String id, int at) {
        long value = 0;
        for (int i = at; i < at + HALF; i++) {
            int digit = BASE62.indexOf(id.charAt(i));
            long shifted = value * BASE62.length();
            if (digit < 0 || Long.compareUnsigned(value, LARGEST_BEFORE_A_DIGIT) > 0
                    || Long.compareUnsigned(shifted + digit, shifted) < 0) {
                throw new NumberFormatException(id);
            }
            value = shifted + digit;
        }
        return value;
    }
}
