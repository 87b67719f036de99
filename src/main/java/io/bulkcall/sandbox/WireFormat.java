package io.bulkcall.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The JSON the stand-in reads and writes: snake_case names, absent instead of {@code null} for
 * optional response fields, and a reader that refuses duplicate keys and trailing content. The
 * response bodies are the stand-in's own records, so it checks the client's records instead of
 * sharing them.
 */
final class WireFormat {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private WireFormat() {
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

    /** {@code AgentCallBatchRecipient}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecipientBody(
            String id,
            String toNumber,
            String status,
            String agentCallId,
            String endReason,
            String errorMessage,
            RawValue metadata,
            Instant createdAt) {
    }

    /** One page of List Call Batches or List Calls; {@code next_page} only while {@code has_more}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageBody<T>(List<T> data, boolean hasMore, String nextPage) {
    }

    /**
     * {@code AgentCall}; nullable fields are sent as {@code null}, as documented.
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
            RawValue metadata,
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
