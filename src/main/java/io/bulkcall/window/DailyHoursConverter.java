package io.bulkcall.window;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads {@code bulkcall.calling-window.hours} ({@link DailyHours#parse}); a bad value fails binding
 * with a message that says what is wrong. Stateless and thread-safe.
 */
@ConfigurationPropertiesBinding
final class DailyHoursConverter implements Converter<String, DailyHours> {

    @Override
    public DailyHours convert(String source) {
        return DailyHours.parse(source);
    }
}
