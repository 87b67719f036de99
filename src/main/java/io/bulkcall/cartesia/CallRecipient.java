package io.bulkcall.cartesia;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bulkcall.config.CartesiaVersion;

/**
 * One recipient of a Create Call Batch request ({@code AgentOutboundCallItem}). Its other columns go
 * to the field its {@link CartesiaVersion} documents, never to both: {@code metadata} under
 * {@code 2026-03-01}, {@code dynamic_variables} under {@code 2026-08-14}. An empty field is left out.
 *
 * @param toNumber the number to dial, in E.164
 * @param metadata free-form values passed to a code-deployed agent
 * @param dynamicVariables values a managed agent fills into its prompt as {@code {{name}}}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CallRecipient(String toNumber, Map<String, String> metadata, Map<String, String> dynamicVariables) {

    public CallRecipient {
        metadata = metadata == null ? Map.of() : metadata;
        dynamicVariables = dynamicVariables == null ? Map.of() : dynamicVariables;
    }

    /** A recipient whose fields go where {@code version} documents them. */
    public static CallRecipient of(CartesiaVersion version, String toNumber, Map<String, String> fields) {
        return version.sendsDynamicVariables() ? new CallRecipient(toNumber, Map.of(), fields)
                : new CallRecipient(toNumber, fields, Map.of());
    }
}
