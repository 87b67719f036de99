package io.bulkcall.sandbox;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.RawValue;

/**
 * A JSON object a recipient was sent with, kept as the UTF-8 bytes of its compact serialization
 * by the sandbox's mapper rather than as a tree of nodes, maps and boxed values: the least memory,
 * and the very bytes a size limit counts. Written into JSON as it is, read from JSON as any object.
 * Immutable.
 */
final class CompactJson {

    private final byte[] utf8;

    private CompactJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CompactJson of(JsonNode object) {
        return new CompactJson(WireFormat.JSON.writeValueAsBytes(object));
    }

    /** How many bytes of UTF-8 the object takes, written compactly. */
    int size() {
        return utf8.length;
    }

    /** Copies the bytes into {@code into} from {@code at}. */
    void copyTo(byte[] into, int at) {
        System.arraycopy(utf8, 0, into, at, utf8.length);
    }

    @JsonValue
    RawValue raw() {
        return new RawValue(new String(utf8, StandardCharsets.UTF_8));
    }
}
