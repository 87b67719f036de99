package io.bulkcall.cartesia;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.CartesiaVersion;
import io.bulkcall.time.StopSignal;
import io.bulkcall.time.Waiter;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Builds clients as the tests need them: a real WebClient against WireMock, a fixed clock, three
 * attempts, and a waiter that records the waits instead of spending them; and the WireMock and
 * error answers they talk to.
 */
final class CartesiaTestClients {

    /** Looks like a real key, so that a leak would be easy to spot. */
    static final String API_KEY = "sk_car_9fQx7LmZt2VbN4pR8sK3wY6hJ1dC5gE0";

    static final String VERSION = "2026-03-01";

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final int MAX_ATTEMPTS = 3;

    static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);

    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Long enough for a cold WireMock on a busy machine. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    /** Short, for the tests that make WireMock answer late on purpose. */
    static final Duration SHORT_RESPONSE_TIMEOUT = Duration.ofMillis(500);

    private CartesiaTestClients() {
    }

    static BulkcallProperties.Cartesia settings(String baseUrl, Duration responseTimeout) {
        return settings(baseUrl, responseTimeout, VERSION);
    }

    private static BulkcallProperties.Cartesia settings(String baseUrl, Duration responseTimeout, String version) {
        return new BulkcallProperties.Cartesia(baseUrl, version, new ApiKey(API_KEY), Duration.ofSeconds(2),
                responseTimeout, MAX_ATTEMPTS, INITIAL_BACKOFF, MAX_BACKOFF);
    }

    /** A client that speaks another {@code Cartesia-Version}. */
    static CartesiaClient client(String baseUrl, CartesiaVersion version) {
        BulkcallProperties.Cartesia settings = settings(baseUrl, RESPONSE_TIMEOUT, version.header());
        return client(new PropertiesCartesiaConnectionDetails(settings), settings, new RecordingWaiter(CartesiaTestClients.CLOCK));
    }

    static CartesiaClient client(String baseUrl, RecordingWaiter waiter) {
        return client(baseUrl, RESPONSE_TIMEOUT, waiter);
    }

    static CartesiaClient client(String baseUrl, Duration responseTimeout, RecordingWaiter waiter) {
        BulkcallProperties.Cartesia settings = settings(baseUrl, responseTimeout);
        return client(new PropertiesCartesiaConnectionDetails(settings), settings, waiter);
    }

    /** A client whose base URL and key come from {@code connection}, not from the settings. */
    static CartesiaClient client(CartesiaConnectionDetails connection, RecordingWaiter waiter) {
        return client(connection, settings(connection.baseUrl(), RESPONSE_TIMEOUT), waiter);
    }

    /** A client whose waits end when {@code stop} is requested, as in a stopping process. */
    static CartesiaClient client(String baseUrl, Waiter waiter, StopSignal stop) {
        BulkcallProperties.Cartesia settings = settings(baseUrl, RESPONSE_TIMEOUT);
        return client(new PropertiesCartesiaConnectionDetails(settings), settings, waiter, stop);
    }

    private static CartesiaClient client(CartesiaConnectionDetails connection, BulkcallProperties.Cartesia settings,
            RecordingWaiter waiter) {
        return client(connection, settings, waiter, new StopSignal());
    }

    private static CartesiaClient client(CartesiaConnectionDetails connection, BulkcallProperties.Cartesia settings,
            Waiter waiter, StopSignal stop) {
        return new CartesiaClient(connection, settings, CLOCK, WebClient.builder(),
                new RetryPolicy(settings, CLOCK, () -> 0.5), waiter, stop);
    }

    /** A WireMock standing in for Cartesia on a free port; register it as a static extension. */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    /** An error answer with the body Cartesia documents; a {@code null} error code is sent as JSON null. */
    static ResponseDefinitionBuilder errorBody(int status, String errorCode, String title, String message) {
        String code = errorCode == null ? "null" : "\"" + errorCode + "\"";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error_code": %s, "title": "%s", "message": "%s",
                 "request_id": "7c1e0a6e-3f5b-4d2a-9b8e-2f4c6d8e0a1b", "doc_url": "https://docs.cartesia.ai/errors"}
                """.formatted(code, title, message));
    }

    /** A response or request body under {@code src/test/resources/cartesia/}. */
    static String fixture(String name) {
        try (InputStream in = CartesiaTestClients.class.getResourceAsStream("/cartesia/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture cartesia/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
