package io.bulkcall.sandbox;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Call Batches API, Get Call and List Calls over the JDK's HTTP server: routes each request, lets
 * the {@link FaultInjector} spoil it, checks the headers every endpoint requires
 * ({@code Authorization: Bearer …}, a {@code Cartesia-Version} it serves), applies it to the
 * {@link CallBatchSimulator} and writes the answer in the shape of the request's version, or an
 * error in Cartesia's error body. A request whose response is to be lost is applied and its
 * connection closed without a status line. Thread-safe.
 */
final class CartesiaApiHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(CartesiaApiHandler.class);

    private static final Set<String> LIST_BATCHES_PARAMETERS = Set.of("agent_id", "starting_after", "ending_before",
            "limit");

    private static final Set<String> LIST_CALLS_PARAMETERS = Set.of("agent_id", "batch_id", "starting_after",
            "ending_before", "limit", "expand");

    /** @param view the Jackson view to write the body in, {@code null} for none */
    private record Reply(int status, Object body, Class<?> view) {
    }

    private final CallBatchSimulator simulator;
    private final CreateCallBatchParser parser;
    private final FaultInjector faults;
    private final RequestCounter requests;
    private final BiConsumer<SandboxEndpoint, Long> whenApplied;

    /**
     * @param whenApplied told of every request applied (not answered by an injected error), with
     *        its endpoint and ordinal, on the serving thread before the response is written or dropped
     */
    CartesiaApiHandler(CallBatchSimulator simulator, CreateCallBatchParser parser, FaultInjector faults,
            RequestCounter requests, BiConsumer<SandboxEndpoint, Long> whenApplied) {
        this.simulator = simulator;
        this.parser = parser;
        this.faults = faults;
        this.requests = requests;
        this.whenApplied = whenApplied;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // Closing an exchange whose response headers were never sent closes the connection: that is
        // how a response gets lost.
        try {
            serve(exchange);
        }
        finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Route route;
        try {
            route = Route.of(method, path);
        }
        catch (ApiErrorException unknown) {
            send(exchange, error(unknown));
            return;
        }
        long ordinal = requests.record(route.endpoint());
        byte[] body = exchange.getRequestBody().readAllBytes();
        SandboxFault fault = faults.next(route.endpoint());
        if (fault != null && fault.answersWithError()) {
            log.debug("Sandbox injects {} into {} {}", fault, method, path);
            send(exchange, error(fault.answer()));
            return;
        }
        Reply reply = apply(route, exchange, body);
        whenApplied.accept(route.endpoint(), ordinal);
        if (fault == SandboxFault.LOST_RESPONSE) {
            log.debug("Sandbox applied {} {} and drops its {} response", method, path, reply.status());
            return;
        }
        log.debug("Sandbox answers {} {} with {}", method, path, reply.status());
        send(exchange, reply);
    }

    private Reply apply(Route route, HttpExchange exchange, byte[] body) {
        try {
            Headers headers = exchange.getRequestHeaders();
            ApiVersion version = checkCommonHeaders(headers);
            QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
            if (route.endpoint() == SandboxEndpoint.CREATE_BATCH) {
                return new Reply(201, create(headers, query, body, version), version.view());
            }
            if (body.length > 0) {
                throw ApiError.BAD_REQUEST.exception("this endpoint takes no request body");
            }
            if (route.endpoint() == SandboxEndpoint.LIST_BATCHES) {
                query.allowOnly(LIST_BATCHES_PARAMETERS);
                return new Reply(200, simulator.list(query.text("agent_id"), PageRequest.of(query)), version.view());
            }
            if (route.endpoint() == SandboxEndpoint.LIST_CALLS) {
                return new Reply(200, listCalls(query.allowOnly(LIST_CALLS_PARAMETERS)), version.view());
            }
            query.allowOnly(Set.of());
            return new Reply(200, switch (route.endpoint()) {
                case GET_BATCH -> simulator.get(route.id());
                case RETRY_BATCH -> simulator.retry(route.id());
                case CANCEL_BATCH -> simulator.cancel(route.id());
                case GET_CALL -> simulator.call(route.id());
                default -> throw new IllegalStateException("unrouted endpoint " + route.endpoint());
            }, version.view());
        }
        catch (ApiErrorException refused) {
            return error(refused);
        }
        catch (RuntimeException bug) {
            log.error("Sandbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), bug);
            return error(ApiError.INTERNAL_ERROR.exception("the sandbox failed: " + bug));
        }
    }

    private WireFormat.CallBatchBody create(Headers headers, QueryParameters query, byte[] body, ApiVersion version) {
        query.allowOnly(Set.of());
        String contentType = headers.getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw ApiError.UNSUPPORTED_MEDIA_TYPE.exception("Content-Type must be application/json, got " + contentType);
        }
        return simulator.create(parser.parse(body, simulator.now(), version));
    }

    private WireFormat.PageBody<WireFormat.CallBody> listCalls(QueryParameters query) {
        String agentId = query.text("agent_id");
        String batchId = query.text("batch_id");
        if (agentId == null && batchId == null) {
            throw ApiError.BAD_REQUEST.exception("pass agent_id, or batch_id for a batch's calls");
        }
        String expand = query.text("expand");
        if (expand != null && !expand.equals("transcript")) {
            throw ApiError.BAD_REQUEST.exception("query parameter 'expand' can only be 'transcript', got '" + expand
                    + "'");
        }
        return simulator.listCalls(agentId, batchId, PageRequest.of(query), expand != null);
    }

    /** Checks the key and the version; returns the version. */
    private static ApiVersion checkCommonHeaders(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
        if (!bearer) {
            throw ApiError.UNAUTHORIZED.exception("send the API key as 'Authorization: Bearer <key>'");
        }
        return ApiVersion.of(headers.getFirst("Cartesia-Version"));
    }

    private static Reply error(ApiErrorException error) {
        return new Reply(error.status(), error.body(), null);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = WireFormat.JSON.writerWithView(reply.view()).writeValueAsBytes(reply.body());
        if (reply.status() == 429) {
            // Only injected faults answer 429, and no real limit stands behind them: retry at once.
            exchange.getResponseHeaders().set("Retry-After", "0");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
