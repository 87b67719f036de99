package io.bulkcall.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The paging of List Call Batches and List Calls, from the query: {@code limit} items (1 to 100,
 * 20 if not sent), newest first, either after {@code starting_after} or, with
 * {@code ending_before}, the page of newer items closest to it; never both. An anchor need not
 * pass the list's filters, but must exist. Immutable.
 *
 * @param startingAfter the id of the item the page starts after, {@code null} to start from the newest
 * @param endingBefore the id of the item the page ends before, {@code null} for none
 */
record PageRequest(String startingAfter, String endingBefore, int limit) {

    private static final int DEFAULT_LIMIT = 20;

    /** One page of items, and the item to page on from, {@code null} on the last page. */
    record Page<T>(List<T> items, boolean hasMore, T next) {

        <B> WireFormat.PageBody<B> body(Function<T, B> body, Function<T, String> id) {
            return new WireFormat.PageBody<>(items.stream().map(body).toList(), hasMore,
                    next == null ? null : id.apply(next));
        }
    }

    /**
     * Reads {@code limit}, {@code starting_after} and {@code ending_before}.
     *
     * @throws ApiErrorException 400 for a bad limit or both anchors
     */
    static PageRequest of(QueryParameters query) {
        PageRequest request = new PageRequest(query.text("starting_after"), query.text("ending_before"),
                query.integer("limit", 1, 100, DEFAULT_LIMIT));
        if (request.startingAfter() != null && request.endingBefore() != null) {
            throw ApiError.BAD_REQUEST.exception("send starting_after or ending_before, not both");
        }
        return request;
    }

    /**
     * The page of {@code newestFirst} this request asks for.
     *
     * @param order the order of {@code newestFirst}, by which anchors are placed
     * @param find the item an anchor id names, {@code null} if none
     * @param kind what an anchor must be, for the error message: "a batch", "a call"
     */
    <T> Page<T> select(List<T> newestFirst, Comparator<? super T> order, Function<String, T> find, String kind) {
        if (endingBefore != null) {
            T anchor = anchor("ending_before", endingBefore, find, kind);
            List<T> newer = newestFirst.stream().filter(item -> order.compare(item, anchor) < 0).toList();
            List<T> page = newer.subList(Math.max(0, newer.size() - limit), newer.size());
            boolean hasMore = newer.size() > limit;
            return new Page<>(page, hasMore, hasMore ? page.get(0) : null);
        }
        List<T> older = newestFirst;
        if (startingAfter != null) {
            T anchor = anchor("starting_after", startingAfter, find, kind);
            older = newestFirst.stream().filter(item -> order.compare(item, anchor) > 0).toList();
        }
        List<T> page = older.subList(0, Math.min(limit, older.size()));
        boolean hasMore = older.size() > limit;
        return new Page<>(page, hasMore, hasMore ? page.get(page.size() - 1) : null);
    }

    private static <T> T anchor(String parameter, String id, Function<String, T> find, String kind) {
        T anchor = find.apply(id);
        if (anchor == null) {
            throw ApiError.BAD_REQUEST.exception(parameter + " '" + id + "' is not " + kind);
        }
        return anchor;
    }
}
