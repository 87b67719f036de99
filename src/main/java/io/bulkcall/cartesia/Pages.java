package io.bulkcall.cartesia;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a listing endpoint (List Call Batches, List Calls) page by page, asking for the next page
 * only when the consumer has taken every item of the current one, so a stream over it that stops
 * early sends no further request. Not thread-safe, like any spliterator.
 *
 * @param <T> what the endpoint lists
 */
final class Pages<T> extends Spliterators.AbstractSpliterator<T> {

    private final Function<String, ? extends Page<T>> pageAfter;
    private final Function<T, String> idOf;
    private Iterator<T> current = Collections.emptyIterator();
    private String cursor;
    private boolean lastPageRead;

    private Pages(Function<String, ? extends Page<T>> pageAfter, Function<T, String> idOf) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.pageAfter = pageAfter;
        this.idOf = idOf;
    }

    /**
     * A sequential stream over every item, that sends nothing until it is consumed.
     *
     * @param pageAfter fetches the page that starts after the given id ({@code null}: the first page)
     * @param idOf an item's id, where the next page starts when a page has no {@code next_page}
     */
    static <T> Stream<T> stream(Function<String, ? extends Page<T>> pageAfter, Function<T, String> idOf) {
        return StreamSupport.stream(new Pages<>(pageAfter, idOf), false);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        while (!current.hasNext()) {
            if (lastPageRead) {
                return false;
            }
            read(pageAfter.apply(cursor));
        }
        action.accept(current.next());
        return true;
    }

    private void read(Page<T> page) {
        List<T> items = page.data();
        current = items.iterator();
        // next_page is documented as optional: without it, the last item's id is where the next page starts
        cursor = page.nextPage() != null ? page.nextPage()
                : items.isEmpty() ? null
                : idOf.apply(items.get(items.size() - 1));
        lastPageRead = !page.hasMore() || cursor == null;
    }
}
