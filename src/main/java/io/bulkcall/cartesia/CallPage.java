package io.bulkcall.cartesia;

import java.util.List;

/**
 * One page of List Calls, newest call first; a retried recipient has one call per attempt. While
 * {@code hasMore}, {@code nextPage} is the {@code starting_after} of the next page; when Cartesia
 * leaves it out, the last call's id is.
 */
record CallPage(List<AgentCall> data, boolean hasMore, String nextPage) implements Page<AgentCall> {

    public CallPage {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
