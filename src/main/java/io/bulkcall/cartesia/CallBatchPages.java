package io.bulkcall.cartesia;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Walks List Call Batches page by page, asking for the next page only when the consumer has taken
 * every batch of the current one, so a stream over it that stops early sends no further request.
 * Not thread-safe, like any spliterator.
 */
final class CallBatchPages extends Spliterators.AbstractSpliterator<CallBatch> {

    private final Function<String, CallBatchPage> pageAfter;
    private Iterator<CallBatch> current = Collections.emptyIterator();
    private String cursor;
    private boolean lastPageRead;

    /**
     * @param pageAfter fetches the page that starts after the given batch id ({@code null}: the first page)
     */
    CallBatchPages(Function<String, CallBatchPage> pageAfter) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.pageAfter = pageAfter;
    }

    @Override
    public boolean tryAdvance(Consumer<? super CallBatch> action) {
        while (!current.hasNext()) {
            if (lastPageRead) {
                return false;
            }
            read(pageAfter.apply(cursor));
        }
        action.accept(current.next());
        return true;
    }

    private void read(CallBatchPage page) {
        List<CallBatch> batches = page.data();
        current = batches.iterator();
        // next_page is documented as optional: without it, the last batch's id is where the next page starts
        cursor = page.nextPage() != null ? page.nextPage()
                : batches.isEmpty() ? null
                : batches.get(batches.size() - 1).id();
        lastPageRead = !page.hasMore() || cursor == null;
    }
}
