package io.bulkcall.cartesia;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recipient a refused Create Call Batch names, as Cartesia names it in its message
 * ({@code recipients[3].dynamic_variables.first_name: ...}), so that the job can name the file's line and
 * column instead of an index into a batch.
 *
 * @param index the recipient's index in the request's {@code recipients}
 * @param field the field of the recipient it names, such as {@code dynamic_variables.first_name} or
 *        {@code to_number}; empty when it names the recipient only
 */
public record RefusedRecipient(int index, String field) {

    private static final Pattern NAMED = Pattern.compile("recipients\\[(\\d{1,9})](?:\\.([A-Za-z0-9_.]+))?");

    /** The variable or metadata key the field names, if it names one. */
    public Optional<String> key() {
        int dot = field.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(field.substring(dot + 1));
    }

    /** The first recipient a message names. */
    static Optional<RefusedRecipient> in(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher named = NAMED.matcher(message);
        return named.find()
                ? Optional.of(new RefusedRecipient(Integer.parseInt(named.group(1)), named.group(2) == null ? "" : named.group(2)))
                : Optional.empty();
    }
}
