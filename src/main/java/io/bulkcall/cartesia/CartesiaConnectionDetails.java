package io.bulkcall.cartesia;

import io.bulkcall.config.ApiKey;

/**
 * Where the Cartesia API is and the key to use, in the manner of Spring Boot's
 * {@code ConnectionDetails}: taken from settings by default, and from the in-process stand-in when
 * the {@code sandbox} profile is active.
 */
public interface CartesiaConnectionDetails {

    String baseUrl();

    ApiKey apiKey();
}
