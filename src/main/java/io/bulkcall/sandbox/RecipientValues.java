package io.bulkcall.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.RawValue;

/**
 * The JSON objects the recipients of one batch were sent with, their compact bytes packed end to
 * end in one array: a million recipients' metadata costs what it weighs, plus an offset each.
 * Immutable.
 */
final class RecipientValues {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final byte[] packed;

    /** Where the object of recipient {@code i} ends, and that of {@code i + 1} starts; equal when it has none. */
    private final int[] ends;

    /** @param values each recipient's object, in order; {@code null} for one that was sent none */
    RecipientValues(List<CompactJson> values) {
        ends = new int[values.size()];
        int end = 0;
        for (int i = 0; i < values.size(); i++) {
            end += values.get(i) == null ? 0 : values.get(i).size();
            ends[i] = end;
        }
        packed = new byte[end];
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                values.get(i).copyTo(packed, start(i));
            }
        }
    }

    /** Recipient {@code i}'s object to write as it is, {@code null} if it was sent none. */
    RawValue raw(int i) {
        return isEmpty(i) ? null
                : new RawValue(new String(packed, start(i), ends[i] - start(i), StandardCharsets.UTF_8));
    }

    /** Recipient {@code i}'s object read back, {@code null} if it was sent none. */
    JsonNode tree(int i) {
        return isEmpty(i) ? null : WireFormat.JSON.readTree(packed, start(i), ends[i] - start(i));
    }

    /** Recipient {@code i}'s object as JSON types (strings, numbers, booleans, lists, maps), {@code null} if none. */
    Map<String, Object> map(int i) {
        return isEmpty(i) ? null : WireFormat.JSON.readValue(packed, start(i), ends[i] - start(i), MAP);
    }

    private boolean isEmpty(int i) {
        return ends[i] == start(i);
    }

    private int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }
}
