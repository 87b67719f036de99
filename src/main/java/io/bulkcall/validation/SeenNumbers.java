package io.bulkcall.validation;

/**
 * Phone numbers, each with the line it was first seen on: the numbers accepted so far from one file,
 * for duplicate detection over files of millions of rows (and the entries of the do-not-call list; the
 * numbers at their contact limit, each with its dials). Numbers are E.164 numbers as longs
 * ({@link #toLong}); the map is an open-addressing hash table with linear probing, the numbers in one
 * array of longs and their lines in one of ints, doubling when three quarters full: 12 to 24 bytes a
 * number and nothing boxed, so a million numbers take 24 MB (36 MB for a moment while the table doubles).
 * Lines go up to {@link Integer#MAX_VALUE}: a file of more lines would take tens of gigabytes.
 *
 * <p>On restart, fill it with the numbers already staged before screening the remaining rows.
 *
 * <p>Not thread-safe while it is filled: one thread fills it. Once filled and handed to other threads
 * safely (a final field, a task submitted to an executor), any number of threads may read it.
 */
public final class SeenNumbers {

    /** Marks a free slot: no E.164 number is 0. */
    private static final long FREE = 0;

    private static final int MAX_CAPACITY = 1 << 29;

    private long[] keys;

    /** The line of the key at the same index: read only when a number is found again. */
    private int[] lines;

    private int mask;

    private int size;

    private int growAt;

    public SeenNumbers() {
        this(1024);
    }

    /** @param expectedNumbers how many numbers the map should hold before it first grows */
    public SeenNumbers(int expectedNumbers) {
        if (expectedNumbers < 0) {
            throw new IllegalArgumentException("expectedNumbers must not be negative: " + expectedNumbers);
        }
        int capacity = 16;
        while (capacity < MAX_CAPACITY && capacity * 3L / 4 < expectedNumbers) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        lines = new int[capacity];
        mask = capacity - 1;
        growAt = (int) (capacity * 3L / 4);
    }

    /**
     * An E.164 number as a {@code long}, the key of this map: the digits after the {@code +}.
     *
     * @throws IllegalArgumentException when the text is not {@code +} followed by 1 to 15 digits
     */
    public static long toLong(String e164) {
        if (e164 == null || e164.length() < 2 || e164.length() > 16 || e164.charAt(0) != '+') {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
        long value = 0;
        for (int i = 1; i < e164.length(); i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an E.164 number: " + e164);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The line a number was first seen on, or -1 if it has not been seen. */
    public long firstLineOf(long number) {
        int slot = slotOf(checked(number));
        return keys[slot] == number ? lines[slot] : -1;
    }

    /** Whether a number is recorded. */
    public boolean contains(long number) {
        return firstLineOf(number) >= 0;
    }

    /**
     * Records a number and its line unless it is already there.
     *
     * @return the line it was seen on before, or -1 if it is new (and now recorded with {@code line})
     */
    public long putIfAbsent(long number, long line) {
        if (line < 0 || line > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("line %d is not from 0 to %d".formatted(line, Integer.MAX_VALUE));
        }
        int slot = slotOf(checked(number));
        if (keys[slot] == number) {
            return lines[slot];
        }
        keys[slot] = number;
        lines[slot] = (int) line;
        if (++size > growAt) {
            grow();
        }
        return -1;
    }

    /**
     * Forgets every number and lets the table go: the table of a million numbers is two arrays of 16 and
     * 8 MB, which G1 frees in a young collection only when no object of the old generation, live or
     * dead, points at them; otherwise they stay until its next marking, often the end of the run.
     */
    public void clear() {
        allocate(16);
        size = 0;
    }

    /** How many distinct numbers are recorded. */
    public int size() {
        return size;
    }

    private static long checked(long number) {
        if (number <= 0) {
            throw new IllegalArgumentException("not an E.164 number as a long: " + number);
        }
        return number;
    }

    /** The index of the number's key, or of the free slot where it belongs. */
    private int slotOf(long number) {
        int slot = spread(number) & mask;
        while (keys[slot] != FREE && keys[slot] != number) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    // Neighbouring numbers are common (ranges of one company), so mix all bits before masking
    // (the finalizer of MurmurHash3).
    private static int spread(long number) {
        long h = number;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private void grow() {
        int capacity = mask + 1;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("more than " + growAt + " distinct numbers in one file");
        }
        long[] oldKeys = keys;
        int[] oldLines = lines;
        allocate(capacity * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
            }
        }
    }
}
