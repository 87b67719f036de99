package io.bulkcall.validation;

import java.util.Collection;
import java.util.Map;

/**
 * Which numbers reached the contact policy's limit of dials, across every job sharing the job
 * database ({@code bulkcall.contact-policy.*}). A file's rows are looked up in the numbers at their limit
 * as the file's validation starts ({@link #numbersAtLimit()}, asked once), and the job database is asked
 * what to tell the operator only about the numbers found there ({@link #atLimit}). A number that reaches
 * its limit while the file is validated is refused when its batch reserves its dial. Implementations are
 * thread-safe.
 */
public interface ContactLimits {

    /** No number is ever at a limit: the policy is off, or there is no job database to ask. */
    ContactLimits NONE = new ContactLimits() {

        @Override
        public SeenNumbers numbersAtLimit() {
            return new SeenNumbers(0);
        }

        @Override
        public Map<String, String> atLimit(Collection<String> e164) {
            return Map.of();
        }
    };

    /** The numbers at their limit now, each with its dials in the policy's period; not changed afterwards. */
    SeenNumbers numbersAtLimit();

    /**
     * @param e164 numbers in E.164
     * @return those at their limit, each with what an operator should read: when, how often, by which
     *         job, and when it may be dialed again
     */
    Map<String, String> atLimit(Collection<String> e164);
}
