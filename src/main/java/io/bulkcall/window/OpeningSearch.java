package io.bulkcall.window;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The openings common to several zones' windows, in order: the spans where all of them are open.
 * The zones' spans are maximal, so the common ones are too. Not thread-safe: one per search.
 */
final class OpeningSearch implements Iterator<Opening> {

    private final List<ZoneWindow> windows;

    private final ZoneWindow.Span[] current;

    /** The opening found and not yet taken, if any: each is looked for only when asked for. */
    private Opening next;

    private boolean exhausted;

    /** Skips the spans that end at or before {@code from}, so the first opening ends after it. */
    OpeningSearch(List<ZoneWindow> windows, long from) {
        this.windows = windows;
        this.current = new ZoneWindow.Span[windows.size()];
        for (int i = 0; i < current.length; i++) {
            do {
                current[i] = windows.get(i).next();
            }
            while (current[i] != null && current[i].end() <= from);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !exhausted) {
            next = find();
            exhausted = next == null;
        }
        return next != null;
    }

    @Override
    public Opening next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Opening found = next;
        next = null;
        return found;
    }

    private Opening find() {
        while (allPresent()) {
            long start = Long.MIN_VALUE;
            long end = Long.MAX_VALUE;
            for (ZoneWindow.Span span : current) {
                start = Math.max(start, span.start());
                end = Math.min(end, span.end());
            }
            // a span that ends by the common start, or by the common end once it is taken, has no more to give
            long spent = start < end ? end : start;
            for (int i = 0; i < current.length; i++) {
                if (current[i].end() <= spent) {
                    current[i] = windows.get(i).next();
                }
            }
            if (start < end) {
                return new Opening(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
            }
        }
        return null;
    }

    private boolean allPresent() {
        for (ZoneWindow.Span span : current) {
            if (span == null) {
                return false;
            }
        }
        return true;
    }
}
