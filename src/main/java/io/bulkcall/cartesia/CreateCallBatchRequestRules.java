package io.bulkcall.cartesia;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.bulkcall.config.CartesiaVersion;
import tools.jackson.databind.json.JsonMapper;

import static io.bulkcall.config.DynamicVariableLimits.MAX_BYTES;
import static io.bulkcall.config.DynamicVariableLimits.MAX_VARIABLES;
import static io.bulkcall.config.DynamicVariableLimits.OBJECT_BOUND;
import static io.bulkcall.config.DynamicVariableLimits.entryBound;
import static io.bulkcall.config.DynamicVariableLimits.isName;

/**
 * The rules of the Create Call Batch reference, checked before a request is sent so that a request
 * Cartesia would refuse with a 400 fails here with the field and value named, and nothing is
 * dialed. Thread-safe.
 */
final class CreateCallBatchRequestRules {

    static final int MAX_RECIPIENTS = 1000;

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(30);


    private final Clock clock;
    private final CartesiaVersion version;
    private final JsonMapper json;

    /**
     * @param version the version requests are sent under: what a recipient may carry
     * @param json the mapper requests are written with, to measure a recipient's variables as sent
     */
    CreateCallBatchRequestRules(Clock clock, CartesiaVersion version, JsonMapper json) {
        this.clock = clock;
        this.version = version;
        this.json = json;
    }

    /**
     * @throws InvalidCallBatchRequestException naming the first field that breaks a rule
     */
    void check(CreateCallBatchRequest request) {
        Objects.requireNonNull(request, "request");
        notBlank("name", request.name());
        notBlank("agent_id", request.agentId());
        notBlank("from_number_id", request.fromNumberId());
        checkRecipients(request.recipients());
        within("target_concurrency_limit", request.targetConcurrencyLimit(), 1, Integer.MAX_VALUE);
        within("ringing_timeout_seconds", request.ringingTimeoutSeconds(), 5, 80);
        within("max_call_duration_minutes", request.maxCallDurationMinutes(), 1, 480);
        checkSchedule(request.scheduledAt());
    }

    private void checkRecipients(List<CallRecipient> recipients) {
        int count = recipients == null ? 0 : recipients.size();
        if (count < 1 || count > MAX_RECIPIENTS) {
            throw new InvalidCallBatchRequestException("recipients.size", count,
                    "must be 1 to " + MAX_RECIPIENTS);
        }
        for (int index = 0; index < count; index++) {
            CallRecipient recipient = recipients.get(index);
            if (recipient == null) {
                throw new InvalidCallBatchRequestException("recipients[" + index + "]", null, "must not be null");
            }
            String number = recipient.toNumber();
            if (number == null || !E164.matcher(number).matches()) {
                throw new InvalidCallBatchRequestException("recipients[" + index + "].to_number", shown(number),
                        "must be E.164 (+ and up to 15 digits, the first not 0)");
            }
            checkFields("recipients[" + index + "]", recipient);
        }
    }

    /**
     * A recipient carries only the field its version documents, and its dynamic variables keep
     * Cartesia's rules; a value is personal data and never named.
     */
    private void checkFields(String path, CallRecipient recipient) {
        if (version.sendsDynamicVariables() ? !recipient.metadata().isEmpty() : !recipient.dynamicVariables().isEmpty()) {
            throw InvalidCallBatchRequestException.of(path, "carries " + (version.sendsDynamicVariables() ? "metadata"
                    : "dynamic_variables") + ", which Cartesia-Version " + version + " does not document");
        }
        Map<String, String> variables = recipient.dynamicVariables();
        if (variables.size() > MAX_VARIABLES) {
            throw InvalidCallBatchRequestException.of(path + ".dynamic_variables",
                    "has " + variables.size() + " entries; at most " + MAX_VARIABLES);
        }
        long bound = OBJECT_BOUND;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            String name = variable.getKey();
            if (!isName(name)) {
                throw InvalidCallBatchRequestException.of(path + ".dynamic_variables." + name,
                        "is not a name Cartesia takes: up to 64 letters, digits and _, starting with a letter or _, not system__ or secret__");
            }
            bound += entryBound(name, variable.getValue());
        }
        if (bound > MAX_BYTES) {
            int bytes = json.writeValueAsBytes(variables).length;
            if (bytes > MAX_BYTES) {
                throw InvalidCallBatchRequestException.of(path + ".dynamic_variables",
                        "takes " + bytes + " bytes of JSON; at most " + MAX_BYTES);
            }
        }
    }

    private void checkSchedule(OffsetDateTime scheduledAt) {
        if (scheduledAt == null) {
            return;
        }
        Instant now = clock.instant();
        if (!scheduledAt.toInstant().isAfter(now)) {
            throw new InvalidCallBatchRequestException("scheduled_at", scheduledAt, "must be in the future");
        }
        if (scheduledAt.toInstant().isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw new InvalidCallBatchRequestException("scheduled_at", scheduledAt, "must be within 30 days");
        }
    }

    private static void notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCallBatchRequestException(field, shown(value), "must not be blank");
        }
    }

    private static void within(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            String rule = max == Integer.MAX_VALUE ? "must be at least " + min : "must be " + min + " to " + max;
            throw new InvalidCallBatchRequestException(field, value, rule);
        }
    }

    private static String shown(String value) {
        return value == null || !value.isBlank() ? value : "\"" + value + "\"";
    }
}
