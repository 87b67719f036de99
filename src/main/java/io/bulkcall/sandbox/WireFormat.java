package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The JSON the stand-in reads and writes: snake_case names, absent instead of {@code null} for
 * optional response fields, and a reader that refuses duplicate keys and trailing content. The
 * response bodies are the stand-in's own records, so it checks the client's records instead of
 * sharing them; an answer is written in the view of its request's {@link ApiVersion}, which leaves
 * out the other version's fields.
 */
final class WireFormat {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.DEFAULT_VIEW_INCLUSION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private WireFormat() {
    }

    /** The view of {@code Cartesia-Version} 2026-03-01: a recipient's and a call's {@code metadata}. */
    interface Metadata {
    }

    /** The view of {@code Cartesia-Version} 2026-08-14: a call's {@code dynamic_variables}, no metadata. */
    interface DynamicVariables {
    }

    /** {@code AgentCallBatch}; {@code recipients} only on Get Call Batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallBatchBody(
            String id,
            String name,
            String agentId,
            String fromNumberId,
            String region,
            int targetConcurrencyLimit,
            String status,
            int totalCallsScheduled,
            int totalCallsDispatched,
            int totalCallsFinished,
            int retryCount,
            Instant createdAt,
            Instant lastUpdatedAt,
            Instant scheduledAt,
            Instant admittedAt,
            List<RecipientBody> recipients) {
    }

    /** {@code AgentCallBatchRecipient}; under 2026-08-14 without {@code metadata}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecipientBody(
            String id,
            String toNumber,
            String status,
            String agentCallId,
            String endReason,
            String errorMessage,
            @JsonView(Metadata.class) RawValue metadata,
            Instant createdAt) {
    }

    /** One page of List Call Batches or List Calls; {@code next_page} only while {@code has_more}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageBody<T>(List<T> data, boolean hasMore, String nextPage) {
    }

    /**
     * {@code AgentCall}; nullable fields are sent as {@code null}, as documented, and of
     * {@code metadata} and {@code dynamic_variables} only the one of the answer's version.
     *
     * @param transcript the turns, a JSON {@code null} for a call without one, or Java {@code null}
     *        to leave the field out (List Calls without {@code expand=transcript})
     */
    record CallBody(
            String id,
            String agentId,
            String status,
            Instant startTime,
            Instant endTime,
            String endReason,
            String errorMessage,
            String summary,
            @JsonView(Metadata.class) RawValue metadata,
            @JsonView(DynamicVariables.class) RawValue dynamicVariables,
            String telephonyAccountType,
            String deploymentRegion,
            boolean zdrEnabled,
            TelephonyParams telephonyParams,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode transcript) {
    }

    /**
     * One turn of an {@code AgentTranscript}.
     *
     * @param role {@code assistant} or {@code user}
     * @param startTimestamp seconds from the start of the call
     */
    record TranscriptTurn(String role, String text, double startTimestamp, double endTimestamp) {
    }

    record TelephonyParams(String to, String direction, String connectionType) {
    }

    /** Cartesia's error body for {@code Cartesia-Version} 2026-03-01: every field present. */
    record ErrorBody(String errorCode, String title, String message, UUID requestId) {
    }
}
