package io.bulkcall.cartesia;

import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;

/**
 * The Cartesia API as the settings describe it ({@code bulkcall.cartesia.base-url} and
 * {@code CARTESIA_API_KEY}). {@code toString()} shows the key masked.
 */
record PropertiesCartesiaConnectionDetails(String baseUrl, ApiKey apiKey) implements CartesiaConnectionDetails {

    PropertiesCartesiaConnectionDetails(BulkcallProperties.Cartesia settings) {
        this(settings.baseUrl(), settings.apiKey());
    }
}
