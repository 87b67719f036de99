package io.bulkcall.validation;

import java.util.Collection;
import java.util.Map;

/**
 * Which numbers reached the contact policy's limit of dials, across every job sharing the job
 * database ({@code bulkcall.contact-policy.*}): asked once per block of rows, ahead of screening.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface ContactLimits {

    /** No number is ever at a limit: the policy is off, or there is no job database to ask. */
    ContactLimits NONE = numbers -> Map.of();

    /**
     * @param e164 numbers in E.164
     * @return those at their limit, each with what an operator should read: when, how often, by which
     *         job, and when it may be dialed again
     */
    Map<String, String> atLimit(Collection<String> e164);
}
