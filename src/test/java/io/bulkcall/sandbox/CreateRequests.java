package io.bulkcall.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Create Call Batch bodies for the sandbox's tests, built from {@code sandbox/create-batch.json}. */
final class CreateRequests {

    private CreateRequests() {
    }

    /** The guide's example: "March outreach", two recipients with metadata, the sandbox's ids. */
    static ObjectNode sample() {
        try (InputStream json = CreateRequests.class.getResourceAsStream("/sandbox/create-batch.json")) {
            return (ObjectNode) SandboxHttp.JSON.readTree(json);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The sample renamed, with {@code count} recipients {@code +14155550000}, {@code +14155550001}, … */
    static ObjectNode withRecipients(String name, int count) {
        ObjectNode request = sample().put("name", name);
        ArrayNode recipients = request.putArray("recipients");
        for (int i = 0; i < count; i++) {
            recipients.addObject().put("to_number", number(i));
        }
        return request;
    }

    static String number(int i) {
        return String.format("+1415555%04d", i);
    }
}
