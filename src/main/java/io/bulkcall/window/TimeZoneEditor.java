package io.bulkcall.window;

import java.beans.PropertyEditorSupport;

/**
 * Reads {@code bulkcall.calling-window.default-time-zone} as a {@code time_zone} cell is read
 * ({@link TimeZoneNames#parse}): in any case, an abbreviation refused with why. A property editor, not
 * a converter: Spring's own {@code ZoneIdEditor} is a default editor, and binding asks editors before
 * converters; a registered one wins over it. Not thread-safe, as property editors are not: one per
 * registry.
 */
final class TimeZoneEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        setValue(TimeZoneNames.parse(text));
    }
}
