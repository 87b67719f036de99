package io.bulkcall.sandbox;

import java.util.function.Supplier;

import io.bulkcall.cartesia.CartesiaConnectionDetails;
import io.bulkcall.config.ApiKey;

/**
 * Points the Cartesia client at a {@link SandboxServer}, started when the client first asks where it
 * is, with a key that is only there because the API requires one.
 */
record SandboxConnectionDetails(Supplier<SandboxServer> server) implements CartesiaConnectionDetails {

    @Override
    public String baseUrl() {
        return server.get().baseUrl();
    }

    @Override
    public ApiKey apiKey() {
        return new ApiKey("sandbox");
    }
}
