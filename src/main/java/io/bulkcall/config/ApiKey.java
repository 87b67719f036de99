package io.bulkcall.config;

import java.util.Objects;

/**
 * A Cartesia API key. Nothing but {@link #reveal()} gives the key out, and only the HTTP client
 * calls it: {@code toString()} masks it, so settings, logs and exception messages that print an
 * {@code ApiKey} never leak it. Bound from {@code CARTESIA_API_KEY} through its String constructor.
 */
public final class ApiKey {

    private final String value;

    public ApiKey(String value) {
        this.value = value == null ? "" : value.strip();
    }

    public boolean isBlank() {
        return value.isEmpty();
    }

    /** The key itself, for the {@code Authorization} header and nothing else. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return isBlank() ? "(not set)" : "(hidden)";
    }
}
