package io.bulkcall.config;

import java.util.Arrays;

/**
 * The {@code Cartesia-Version} bulkcall speaks, {@code bulkcall.cartesia.version}: it decides what a
 * recipient's other columns become in Create Call Batch. Under {@code 2026-03-01} they are its
 * {@code metadata}, which a code-deployed agent reads as {@code call_request.metadata}; under
 * {@code 2026-08-14} they are its {@code dynamic_variables}, which a managed agent fills into its prompt
 * as {@code {{name}}}. No version documents both, and nothing a version does not document is sent.
 */
public enum CartesiaVersion {

    /** Columns go to each recipient's {@code metadata}. */
    V2026_03_01("2026-03-01", "metadata"),

    /** Columns go to each recipient's {@code dynamic_variables}. */
    V2026_08_14("2026-08-14", "dynamic_variables");

    private final String header;
    private final String recipientField;

    CartesiaVersion(String header, String recipientField) {
        this.header = header;
        this.recipientField = recipientField;
    }

    /** The version as the {@code Cartesia-Version} header and the setting write it: {@code 2026-08-14}. */
    public String header() {
        return header;
    }

    /** The field of a recipient the columns go to: {@code metadata} or {@code dynamic_variables}. */
    public String recipientField() {
        return recipientField;
    }

    public boolean sendsDynamicVariables() {
        return this == V2026_08_14;
    }

    /**
     * @throws IllegalArgumentException for a version bulkcall does not speak
     */
    public static CartesiaVersion of(String header) {
        return Arrays.stream(values())
            .filter(version -> version.header.equals(header))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown Cartesia-Version " + header));
    }

    @Override
    public String toString() {
        return header;
    }
}
