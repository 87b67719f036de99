package io.bulkcall.cartesia;

import java.util.List;

/**
 * One page of List Call Batches, newest batch first. While {@code hasMore}, {@code nextPage} is the
 * {@code starting_after} of the next page.
 */
public record CallBatchPage(List<CallBatch> data, boolean hasMore, String nextPage) {

    public CallBatchPage {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
