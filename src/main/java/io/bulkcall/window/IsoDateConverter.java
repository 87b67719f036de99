package io.bulkcall.window;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads a date of {@code bulkcall.calling-window.closed-dates}, ISO only ({@code 2026-12-25}). Spring's
 * own conversion tries the locale's short format first and, for {@code 2026-02-30}, reports a parse
 * failure "at index 4"; this one names the value and the format. Stateless and thread-safe.
 */
@ConfigurationPropertiesBinding
final class IsoDateConverter implements Converter<String, LocalDate> {

    @Override
    public LocalDate convert(String source) {
        try {
            return LocalDate.parse(source.strip());
        }
        catch (DateTimeParseException ex) {
            // no cause: the start-up error line prints the deepest cause's message, and this one is the readable one
            throw new IllegalArgumentException("\"" + source.strip() + "\" is not a date YYYY-MM-DD, such as 2026-12-25");
        }
    }
}
