package io.bulkcall.sandbox;

import io.bulkcall.cartesia.CartesiaConnectionDetails;
import io.bulkcall.config.ApiKey;

/**
 * Points the Cartesia client at a running {@link SandboxServer}, with a key that is only there
 * because the API requires one.
 */
record SandboxConnectionDetails(String baseUrl, ApiKey apiKey) implements CartesiaConnectionDetails {

    SandboxConnectionDetails(SandboxServer server) {
        this(server.baseUrl(), new ApiKey("sandbox"));
    }
}
