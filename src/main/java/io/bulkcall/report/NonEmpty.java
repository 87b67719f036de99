package io.bulkcall.report;

import java.util.List;

/**
 * Items that {@code report.html} shows in a table or a legend only when there are any. The view model
 * holds {@code null} for none, so that a template section on it renders its frame once around its items,
 * and the inverted section says there are none. Immutable.
 */
record NonEmpty<T>(List<T> items) {

    NonEmpty {
        items = List.copyOf(items);
    }

    /** The items; {@code null} when there are none. */
    static <T> NonEmpty<T> of(List<T> items) {
        return items.isEmpty() ? null : new NonEmpty<>(items);
    }
}
