package io.bulkcall.sandbox;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Ids in Cartesia's shape, a prefix and 22 base62 characters, drawn from a seeded stream so that a
 * state folder's journal, replayed, gives every batch, recipient and call the id it had. The seed
 * itself is random, chosen when a state folder is created (or an in-memory server starts): a job
 * database that outlives a sandbox must never find its old batch ids reused for new batches.
 * Not thread-safe: used under the {@link CallBatchSimulator}'s lock, in the order of the simulation.
 */
final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final int LENGTH = 22;

    private final SplittableRandom random;

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A seed for a new sandbox's ids: all the uniqueness of its ids rests on it. */
    static long newSeed() {
        return new SecureRandom().nextLong();
    }

    String batch() {
        return next("acb_");
    }

    String recipient() {
        return next("abcr_");
    }

    String call() {
        return next("ac_");
    }

    private String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }
}
