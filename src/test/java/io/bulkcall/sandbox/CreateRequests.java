package io.bulkcall.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
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

    /**
     * The sample as sent under {@code Cartesia-Version} 2026-08-14: each recipient's metadata as its
     * {@code dynamic_variables} ({@code customer_id}, {@code first_name} "Ada" for the first one).
     */
    static ObjectNode withDynamicVariables() {
        ObjectNode request = sample();
        for (JsonNode recipient : request.get("recipients")) {
            ((ObjectNode) recipient).set("dynamic_variables", ((ObjectNode) recipient).remove("metadata"));
        }
        return request;
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
