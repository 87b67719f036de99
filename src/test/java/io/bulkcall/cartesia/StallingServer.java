package io.bulkcall.cartesia;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server whose first answer sends its status, headers and half its body at once, then
 * stalls; later answers come whole. WireMock delays the headers along with the body, which only
 * tests the wait for the headers; this tests the wait within a body.
 */
final class StallingServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();

    StallingServer(int status, String body, Duration stall) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange -> answer(exchange, status, body.getBytes(StandardCharsets.UTF_8),
                requests.incrementAndGet() == 1 ? stall : Duration.ZERO));
        server.setExecutor(handlers);
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private static void answer(HttpExchange exchange, int status, byte[] body, Duration stall) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            int half = body.length / 2;
            out.write(body, 0, half);
            out.flush();
            Thread.sleep(stall.toMillis());
            out.write(body, half, body.length - half);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (IOException clientGaveUp) {
            // the client under test closed the connection, as it should
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
