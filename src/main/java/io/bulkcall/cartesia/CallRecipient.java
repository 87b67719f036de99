package io.bulkcall.cartesia;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One recipient of a Create Call Batch request ({@code AgentOutboundCallItem}).
 *
 * @param toNumber the number to dial, in E.164
 * @param metadata free-form values passed to the agent; left out of the request when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CallRecipient(String toNumber, Map<String, String> metadata) {
}
