package io.bulkcall.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare HTTP client for the sandbox's tests: the JDK's client, the two headers every request
 * needs ({@code Cartesia-Version} 2026-03-01 unless told otherwise), JSON in and out. Deliberately
 * not the application's client, so these tests check the server alone.
 */
final class SandboxHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String BATCHES = "/agents/calls/batches";

    static final String CALLS = "/agents/calls";

    static final String METADATA_VERSION = "2026-03-01";

    static final String DYNAMIC_VARIABLES_VERSION = "2026-08-14";

    /** A status, the parsed JSON body ({@code null} if empty) and the headers. */
    record Reply(int status, JsonNode body, HttpHeaders headers) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String version;

    SandboxHttp(SandboxServer sandbox) {
        this(sandbox, METADATA_VERSION);
    }

    /** @param version the {@code Cartesia-Version} of every request */
    SandboxHttp(SandboxServer sandbox, String version) {
        this(sandbox.baseUrl(), version);
    }

    SandboxHttp(String baseUrl, String version) {
        this.baseUrl = baseUrl;
        this.version = version;
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** A POST without a body, as Retry and Cancel are sent. */
    Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Reply post(String path, JsonNode body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /** Creates a batch and returns its body, failing unless the answer is 201. */
    JsonNode create(JsonNode body) {
        Reply reply = post(BATCHES, body);
        if (reply.status() != 201) {
            throw new AssertionError("create answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    /** A request to the path with {@code Authorization} and {@code Cartesia-Version} set. */
    HttpRequest.Builder request(String pathAndQuery) {
        return unauthenticated(pathAndQuery).header("Authorization", "Bearer sk_car_test");
    }

    /** A request to the path with only {@code Cartesia-Version} set. */
    HttpRequest.Builder unauthenticated(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(5))
                .header("Cartesia-Version", version);
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body, response.headers());
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
