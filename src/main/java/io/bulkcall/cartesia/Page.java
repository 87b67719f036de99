package io.bulkcall.cartesia;

import java.util.List;

/**
 * One page of a listing endpoint ({@code data}, {@code has_more}, {@code next_page}), newest first,
 * as {@link Pages} walks it.
 *
 * @param <T> what the endpoint lists
 */
interface Page<T> {

    List<T> data();

    boolean hasMore();

    /** Where the next page starts ({@code starting_after}); documented as optional, so may be {@code null}. */
    String nextPage();
}
