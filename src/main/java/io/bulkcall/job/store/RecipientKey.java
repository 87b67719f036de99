package io.bulkcall.job.store;

/**
 * The primary key of {@code bc_recipient}, {@code row_key}: the job instance's id and the row's line in
 * one BIGINT, {@code job_instance_id * 2^32 + line}, which the table checks. H2 keeps the rows of a table
 * keyed by one integer column in a single B-tree, by that key, where a key of two columns costs a second
 * B-tree on every insert and commit (see migration V8). A job's recipients are one range of keys, in
 * line order.
 */
public final class RecipientKey {

    /**
     * The condition that selects one job's recipients, by their keys' range; its two parameters are
     * those of {@link #ofJob}.
     */
    public static final String OF_JOB = "row_key BETWEEN ? AND ?";

    /** Lines are below 2^32, the key's lower half; the job instance's id is its upper half. */
    private static final long LINES = 1L << 32;

    private RecipientKey() {
    }

    /** The key of the recipient on this line of this job. */
    static long of(long jobInstanceId, long line) {
        if (line < 0 || line >= LINES) {
            throw new IllegalArgumentException("line " + line + " has no key: a job's lines run from 0 to " + (LINES - 1));
        }
        return first(jobInstanceId) + line;
    }

    /** The key as SQL works it out from a job instance's id and a line, each a column or an expression. */
    static String sqlOf(String jobInstanceId, String line) {
        return "%s * %d + %s".formatted(jobInstanceId, LINES, line);
    }

    /** The parameters of {@link #OF_JOB}: the first and the last key a job's recipients can have. */
    public static Object[] ofJob(long jobInstanceId) {
        return new Object[] {first(jobInstanceId), first(jobInstanceId) + LINES - 1};
    }

    private static long first(long jobInstanceId) {
        return Math.multiplyExact(jobInstanceId, LINES);
    }
}
