package io.bulkcall.window;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads {@code bulkcall.calling-window.days} ({@link WeekDays#parse}); a bad value fails binding with
 * a message that says what is wrong. Stateless and thread-safe.
 */
@ConfigurationPropertiesBinding
final class WeekDaysConverter implements Converter<String, WeekDays> {

    @Override
    public WeekDays convert(String source) {
        return WeekDays.parse(source);
    }
}
