package io.bulkcall.cartesia;

import java.util.List;

/**
 * One page of List Call Batches, newest batch first. While {@code hasMore}, {@code nextPage} is the
 * {@code starting_after} of the next page; when Cartesia leaves it out, the last batch's id is.
 */
record CallBatchPage(List<CallBatch> data, boolean hasMore, String nextPage) implements Page<CallBatch> {

    public CallBatchPage {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
