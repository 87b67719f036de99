package io.bulkcall.config;

import java.util.Objects;
import java.util.Optional;

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

    /**
     * What keeps this key from being sent, in words for {@code CARTESIA_API_KEY}: it is not set, or it
     * holds a character no key has (a key pasted with a line break fails every request in words that
     * name neither the key nor the variable). Empty for a usable key. Never shows the key.
     */
    public Optional<String> problem() {
        if (isBlank()) {
            return Optional.of("is not set: export your Cartesia API key, or run with --spring.profiles.active=sandbox");
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c >= 0x7F)) {
            return Optional.of("holds a space, line break or non-ASCII character; set it to the key alone, as Cartesia shows it");
        }
        return Optional.empty();
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
