package io.bulkcall.sandbox;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The {@code Cartesia-Version}s the stand-in serves. Each decides the shape of its requests and of
 * their answers: under {@code 2026-03-01} a recipient carries {@code metadata}, under
 * {@code 2026-08-14} {@code dynamic_variables}, which a managed agent fills its prompt with; neither
 * version knows the other's field.
 */
enum ApiVersion {

    V2026_03_01("2026-03-01", "metadata", WireFormat.Metadata.class),

    V2026_08_14("2026-08-14", "dynamic_variables", WireFormat.DynamicVariables.class);

    private final String header;
    private final String recipientField;
    private final Class<?> view;

    ApiVersion(String header, String recipientField, Class<?> view) {
        this.header = header;
        this.recipientField = recipientField;
        this.view = view;
    }

    /**
     * The version a request names in its {@code Cartesia-Version} header.
     *
     * @throws ApiErrorException 400 if it names none or one this API does not serve
     */
    static ApiVersion of(String header) {
        for (ApiVersion version : values()) {
            if (version.header.equals(header)) {
                return version;
            }
        }
        String served = Arrays.stream(values()).map(ApiVersion::header).collect(Collectors.joining(" and "));
        throw ApiError.BAD_REQUEST.exception(header == null
                ? "the Cartesia-Version header is required; this API serves " + served
                : "unsupported Cartesia-Version '" + header + "'; this API serves " + served);
    }

    @JsonValue
    String header() {
        return header;
    }

    /** The optional object a recipient of Create Call Batch may carry besides its {@code to_number}. */
    String recipientField() {
        return recipientField;
    }

    /** The Jackson view that writes the fields of this version's answers, and not the other's. */
    Class<?> view() {
        return view;
    }
}
