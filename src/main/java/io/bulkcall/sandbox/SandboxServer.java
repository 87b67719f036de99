package io.bulkcall.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Cartesia's Call Batches API and Get Call, served over HTTP on 127.0.0.1, for
 * the {@code sandbox} profile and for tests. It is strict where Cartesia's reference sets a rule
 * (headers, field names, ranges, 1,000 recipients), simulates dispatch (concurrency reserved per
 * batch, oldest batch first, {@code scheduled_at}), calls that complete or fail at a seeded rate,
 * Retry and Cancel, and can inject faults. Its state lives in memory and is gone when it closes.
 * <p>
 * Time comes from the {@link Clock}: state is brought up to the clock's now on every request and
 * every inspection, so a test that controls the clock controls the simulation exactly.
 * <p>
 * Thread-safe: requests are served on a small pool of daemon threads, and the inspection methods
 * may be called from any thread at any time; they return immutable snapshots.
 * <pre>{@code
 * try (SandboxServer sandbox = new SandboxServer(SandboxSettings.defaults()).start()) {
 *     String baseUrl = sandbox.baseUrl();
 *     ...
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

    private static final int SERVER_THREADS = 4;

    static {
        // The JDK server writes a response's headers and body in two packets; with Nagle's algorithm
        // on, the body waits for the client's delayed ACK, some 40 ms per request. Read once, when
        // the JVM creates its first HttpServer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxSettings settings;
    private final CallBatchSimulator simulator;
    private final FaultInjector faults;
    private final RequestCounter requests = new RequestCounter();
    private volatile BiConsumer<SandboxEndpoint, Long> whenApplied = (endpoint, ordinal) -> {
    };
    private HttpServer server;
    private ExecutorService executor;

    public SandboxServer(SandboxSettings settings, Clock clock) {
        this.settings = settings;
        SplittableRandom seeded = new SplittableRandom(settings.seed());
        this.simulator = new CallBatchSimulator(settings, clock, seeded.split());
        this.faults = new FaultInjector(seeded.split(), settings.faultRate(), settings.lostResponseRate());
    }

    /** A server on the system clock. */
    public SandboxServer(SandboxSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this server, for try-with-resources
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalStateException if it was started before
     */
    public synchronized SandboxServer start() {
        if (server != null) {
            throw new IllegalStateException("the sandbox was started already");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()), 0);
        }
        catch (IOException bindFailed) {
            throw new UncheckedIOException("Sandbox cannot listen on 127.0.0.1:" + settings.port(), bindFailed);
        }
        executor = Executors.newFixedThreadPool(SERVER_THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new CartesiaApiHandler(simulator, new CreateBatchRequestParser(settings), faults,
                requests, (endpoint, ordinal) -> whenApplied.accept(endpoint, ordinal)));
        server.start();
        log.info("Sandbox Cartesia API listening on {}", baseUrl());
        return this;
    }

    /** Where the API is, e.g. {@code http://127.0.0.1:53817}; without a trailing slash. */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stops serving at once; connections in progress are closed. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null && executor != null) {
            server.stop(0);
            executor.shutdownNow();
            executor = null;
        }
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** Every batch created so far, oldest first, as it is now. */
    public List<SandboxBatch> batches() {
        return simulator.snapshot();
    }

    /** One batch as it is now, if it exists. */
    public Optional<SandboxBatch> batch(String batchId) {
        return simulator.snapshot(batchId);
    }

    /** The batches created with this name, oldest first: more than one means a duplicate create. */
    public List<SandboxBatch> batchesNamed(String name) {
        return batches().stream().filter(batch -> batch.name().equals(name)).toList();
    }

    /**
     * The {@code to_number} of every recipient of every batch created, in order of creation, with
     * repeats: a number that appears twice was sent to Cartesia twice.
     */
    public List<String> createdToNumbers() {
        return batches().stream().flatMap(batch -> batch.toNumbers().stream()).toList();
    }

    /** Requests routed to the endpoint so far, whatever their answer: faults, errors, lost responses. */
    public long requests(SandboxEndpoint endpoint) {
        return requests.count(endpoint);
    }

    /** Requests answered 500, 503 or 429 by fault injection, random or planned. */
    public long injectedErrors() {
        return faults.errorAnswers();
    }

    /** Requests applied whose response was dropped by fault injection, random or planned. */
    public long lostResponses() {
        return faults.lostResponses();
    }

    /**
     * Spoils the next request to the endpoint that nothing is planned for yet. Plans of an
     * endpoint are a script played one request after another, before any random fault.
     */
    public void planFault(SandboxEndpoint endpoint, SandboxFault fault) {
        planFault(endpoint, fault, 0);
    }

    /**
     * Lets {@code after} more requests to the endpoint pass, then spoils the next one: with
     * {@code after} 2, the third Create Call Batch from now fails. Counted from the end of what is
     * planned for the endpoint already.
     */
    public void planFault(SandboxEndpoint endpoint, SandboxFault fault, int after) {
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative: " + after);
        }
        faults.plan(endpoint, fault, after);
    }

    /**
     * Runs {@code hook} for every request once it was applied (a request answered by an injected
     * error is not), with its endpoint and its ordinal among that endpoint's requests, counted from
     * 1 like {@link #requests}. It runs on the serving thread before the response is written or
     * dropped, and the response waits for it: the moment when Cartesia has acted and its client
     * does not know yet, where a test can kill the client or hold the answer past its timeout.
     * Replaces the hook set before.
     */
    public void whenApplied(BiConsumer<SandboxEndpoint, Long> hook) {
        this.whenApplied = Objects.requireNonNull(hook, "hook");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "sandbox-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
