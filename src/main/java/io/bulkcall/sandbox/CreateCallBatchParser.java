package io.bulkcall.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Create Call Batch body as strictly as the API reference of its version allows: every rule
 * breaks with a 400 naming the field, and so does anything the reference does not describe (unknown
 * or camelCase fields, the other version's recipient field, {@code null} values, numbers as
 * strings), so the client's wire format is checked, not guessed at. A well-formed body for an agent
 * or phone number the settings do not accept is a 404. Stateless and thread-safe.
 * <p>
 * The rules of {@code dynamic_variables} (2026-08-14) are checked as Cartesia states them: at most
 * {@value #MAX_VARIABLES} per recipient, named by 1 to {@value #MAX_NAME_LENGTH} ASCII letters,
 * digits and {@code _} starting with a letter or {@code _}, none starting with a reserved prefix,
 * each a string, number or boolean, and at most {@value #MAX_VARIABLES_BYTES} bytes of compact
 * JSON in all. The first recipient that breaks one fails the whole request, named as
 * {@code recipients[i]}, and the variable as {@code recipients[i].dynamic_variables.<name>}: a
 * client reads the index and the name back out of the message.
 */
final class CreateCallBatchParser {

    static final int MAX_RECIPIENTS = 1000;

    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(30);

    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private static final Set<String> BATCH_FIELDS = Set.of("name", "agent_id", "from_number_id", "recipients",
            "target_concurrency_limit", "ringing_timeout_seconds", "max_call_duration_minutes", "scheduled_at");

    static final int MAX_VARIABLES = 64;

    static final int MAX_NAME_LENGTH = 64;

    /** 16 KiB. */
    static final int MAX_VARIABLES_BYTES = 16_384;

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final List<String> RESERVED_PREFIXES = List.of("system__", "secret__");

    private static final int DEFAULT_RINGING_TIMEOUT_SECONDS = 60;

    private static final int DEFAULT_MAX_CALL_DURATION_MINUTES = 480;

    private final SandboxSettings settings;

    CreateCallBatchParser(SandboxSettings settings) {
        this.settings = settings;
    }

    /**
     * Reads the body of a request received at {@code now} under {@code version}; throws a 400 or
     * 404 {@link ApiErrorException}.
     */
    NewCallBatch parse(byte[] body, Instant now, ApiVersion version) {
        JsonNode root = readJson(body);
        requireObject(root, "request body");
        checkFields(root, BATCH_FIELDS, "");
        NewCallBatch batch = new NewCallBatch(
                version,
                requiredText(root, "name"),
                requiredText(root, "agent_id"),
                requiredText(root, "from_number_id"),
                recipients(root, version),
                optionalInt(root, "target_concurrency_limit", 1, settings.orgConcurrencyLimit(),
                        settings.defaultTargetConcurrencyLimit()),
                optionalInt(root, "ringing_timeout_seconds", 5, 80, DEFAULT_RINGING_TIMEOUT_SECONDS),
                optionalInt(root, "max_call_duration_minutes", 1, 480, DEFAULT_MAX_CALL_DURATION_MINUTES),
                scheduledAt(root, now));
        if (!settings.acceptsAgent(batch.agentId())) {
            throw ApiError.NOT_FOUND.exception("agent '" + batch.agentId() + "' not found");
        }
        if (!settings.acceptsFromNumber(batch.fromNumberId())) {
            throw ApiError.NOT_FOUND.exception("phone number '" + batch.fromNumberId() + "' not found");
        }
        return batch;
    }

    private static JsonNode readJson(byte[] body) {
        if (body.length == 0) {
            throw ApiError.BAD_REQUEST.exception("request body is missing");
        }
        try {
            return WireFormat.JSON.readTree(body);
        }
        catch (JacksonException notJson) {
            throw ApiError.BAD_REQUEST.exception("request body is not valid JSON: " + notJson.getOriginalMessage());
        }
    }

    private static void checkFields(JsonNode object, Set<String> known, String path) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                String hint = known.contains(snakeCase(name)) ? " (did you mean '" + snakeCase(name) + "'?)" : "";
                throw ApiError.BAD_REQUEST.exception("unknown field '" + path + name + "'" + hint);
            }
            if (field.getValue().isNull()) {
                throw ApiError.BAD_REQUEST.exception("field '" + path + name + "' must not be null; leave it out instead");
            }
        }
    }

    private static List<NewCallBatch.Recipient> recipients(JsonNode root, ApiVersion version) {
        JsonNode recipients = root.get("recipients");
        if (recipients == null || !recipients.isArray()) {
            throw ApiError.BAD_REQUEST.exception("field 'recipients' is required and must be an array");
        }
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw ApiError.BAD_REQUEST.exception("field 'recipients' must have 1 to " + MAX_RECIPIENTS
                    + " elements, got " + recipients.size());
        }
        List<NewCallBatch.Recipient> parsed = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            parsed.add(recipient(recipients.get(i), "recipients[" + i + "]", version));
        }
        return parsed;
    }

    /** @param path {@code recipients[i]} */
    private static NewCallBatch.Recipient recipient(JsonNode item, String path, ApiVersion version) {
        requireObject(item, path);
        checkFields(item, Set.of("to_number", version.recipientField()), path + ".");
        JsonNode toNumber = item.get("to_number");
        if (toNumber == null || !toNumber.isString()) {
            throw ApiError.BAD_REQUEST.exception("field '" + path + ".to_number' is required and must be a string");
        }
        if (!E164.matcher(toNumber.asString()).matches()) {
            throw ApiError.BAD_REQUEST.exception("field '" + path + ".to_number' must be an E.164 number such as "
                    + "+14155559876, got '" + toNumber.asString() + "'");
        }
        JsonNode values = item.get(version.recipientField());
        String field = path + "." + version.recipientField();
        if (values == null) {
            return new NewCallBatch.Recipient(toNumber.asString(), null, null);
        }
        if (!values.isObject()) {
            throw ApiError.BAD_REQUEST.exception("field '" + field + "' must be an object");
        }
        return version == ApiVersion.V2026_03_01
                ? new NewCallBatch.Recipient(toNumber.asString(), CompactJson.of(values), null)
                : new NewCallBatch.Recipient(toNumber.asString(), null, dynamicVariables(values, field));
    }

    /** @param field {@code recipients[i].dynamic_variables} */
    private static CompactJson dynamicVariables(JsonNode variables, String field) {
        if (variables.size() > MAX_VARIABLES) {
            throw ApiError.BAD_REQUEST.exception("field '" + field + "' must have at most " + MAX_VARIABLES
                    + " variables, got " + variables.size());
        }
        for (Map.Entry<String, JsonNode> variable : variables.properties()) {
            checkVariable(variable.getKey(), variable.getValue(), field + "." + variable.getKey());
        }
        CompactJson compact = CompactJson.of(variables);
        if (compact.size() > MAX_VARIABLES_BYTES) {
            throw ApiError.BAD_REQUEST.exception("field '" + field + "' must take at most " + MAX_VARIABLES_BYTES
                    + " bytes (16 KiB) of JSON, got " + compact.size());
        }
        return compact;
    }

    /** @param field {@code recipients[i].dynamic_variables.<name>} */
    private static void checkVariable(String name, JsonNode value, String field) {
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiError.BAD_REQUEST.exception("field '" + field + "' has a name of " + name.length()
                    + " characters; at most " + MAX_NAME_LENGTH + " are allowed");
        }
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw ApiError.BAD_REQUEST.exception("field '" + field + "' has a name that is not ASCII letters, digits "
                    + "and _ starting with a letter or _");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                throw ApiError.BAD_REQUEST.exception("field '" + field + "' has a reserved name: names starting with '"
                        + prefix + "' are Cartesia's");
            }
        }
        if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
            throw ApiError.BAD_REQUEST.exception("field '" + field + "' must be a string, number or boolean, got "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw ApiError.BAD_REQUEST.exception("field '" + field + "' is required and must be a non-empty string");
        }
        return value.asString();
    }

    private static int optionalInt(JsonNode root, String field, int min, int max, int absent) {
        JsonNode value = root.get(field);
        if (value == null) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiError.BAD_REQUEST.exception("field '" + field + "' must be an integer from " + min + " to " + max
                    + ", got " + value);
        }
        return value.asInt();
    }

    private static Instant scheduledAt(JsonNode root, Instant now) {
        JsonNode value = root.get("scheduled_at");
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw ApiError.BAD_REQUEST.exception("field 'scheduled_at' must be an RFC 3339 string");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.asString()).toInstant();
        }
        catch (DateTimeParseException notRfc3339) {
            throw ApiError.BAD_REQUEST.exception("field 'scheduled_at' must be an RFC 3339 time with a timezone "
                    + "offset such as 2026-06-15T16:00:00Z, got '" + value.asString() + "'");
        }
        if (!at.isAfter(now)) {
            throw ApiError.BAD_REQUEST.exception("field 'scheduled_at' must be in the future, got " + value.asString());
        }
        if (at.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw ApiError.BAD_REQUEST.exception("field 'scheduled_at' must be within 30 days, got " + value.asString());
        }
        return at;
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw ApiError.BAD_REQUEST.exception(what + " must be a JSON object");
        }
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
