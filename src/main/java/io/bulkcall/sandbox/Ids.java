package io.bulkcall.sandbox;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random ids in Cartesia's shape: a prefix and 22 base62 characters. Deliberately not seeded: a
 * job database that outlives a sandbox run must never find its old batch ids reused for new batches.
 */
final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final int LENGTH = 22;

    private Ids() {
    }

    static String batch() {
        return next("acb_");
    }

    static String recipient() {
        return next("abcr_");
    }

    static String call() {
        return next("ac_");
    }

    private static String next(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }
}
