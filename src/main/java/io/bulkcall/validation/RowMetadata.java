package io.bulkcall.validation;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A row's metadata, keyed by header name in file order, that no one can change. {@link #copyOf} takes
 * one as it is and copies any other map, as {@link java.util.List#copyOf} does: the checkers make each
 * valid row's metadata once, on the threads that check numbers, and {@link AcceptedRecipient} keeps it
 * without copying it again on the validate step's thread, where the copy took about a twentieth of the
 * thread's time (a flight recording of a million rows).
 */
final class RowMetadata extends AbstractMap<String, String> {

    private static final RowMetadata EMPTY = new RowMetadata(new LinkedHashMap<>());

    private final Map<String, String> cells;

    private RowMetadata(LinkedHashMap<String, String> cells) {
        this.cells = Collections.unmodifiableMap(cells);
    }

    /** This metadata, as it is when no one else can change it, else a copy. */
    static Map<String, String> copyOf(Map<String, String> metadata) {
        return metadata instanceof RowMetadata unchangeable ? unchangeable : of(new LinkedHashMap<>(metadata));
    }

    /** The cells just gathered into this map, which the caller hands over and keeps no reference to. */
    static Map<String, String> of(LinkedHashMap<String, String> gathered) {
        return gathered.isEmpty() ? EMPTY : new RowMetadata(gathered);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return cells.entrySet();
    }

    @Override
    public String get(Object header) {
        return cells.get(header);
    }

    @Override
    public boolean containsKey(Object header) {
        return cells.containsKey(header);
    }

    @Override
    public int size() {
        return cells.size();
    }
}
