package io.bulkcall.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Cartesia's Call Batches API, Get Call and List Calls, served over HTTP on
 * 127.0.0.1, for the {@code sandbox} profile and for tests. It serves {@code Cartesia-Version}
 * 2026-03-01 (recipients with {@code metadata}) and 2026-08-14 (recipients with
 * {@code dynamic_variables}), each answer in the shape of its request's version. It is strict where
 * Cartesia's reference sets a rule (headers, field names, ranges, 1,000 recipients, the limits of
 * dynamic variables), simulates dispatch (concurrency reserved per batch, oldest batch first,
 * {@code scheduled_at}), calls that complete or fail at a seeded rate or as a test
 * {@linkplain #planOutcomes planned}, with a summary and a short transcript when answered, Retry
 * and Cancel, and can inject faults.
 * <p>
 * Time comes from the {@link Clock}: state is brought up to the clock's now on every request and
 * every inspection, so a test that controls the clock controls the simulation exactly.
 * <p>
 * Restart: built on a state folder, a server keeps its batches there across runs (see
 * {@link #SandboxServer(SandboxSettings, Clock, Path)}); a new server on the same folder goes on
 * where the last one stopped, even one that was killed, with the same batches, recipients, calls
 * and ids. Built without one, its state lives in memory and is gone when it closes, or when a test
 * that shares one server between its cases {@linkplain #reset() resets} it. Either way its
 * ids are drawn from a random seed, so no two sandboxes hand out the same batch id. Injected faults,
 * planned faults, planned outcomes, request counts and the {@link #whenApplied} hook are not kept.
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
    private final Clock clock;
    private final StateFolder stateFolder;
    // replaced together by reset(), while no request is served
    private volatile CallBatchSimulator simulator;
    private volatile FaultInjector faults;
    private volatile RequestCounter requests = new RequestCounter();
    private volatile BiConsumer<SandboxEndpoint, Long> whenApplied = (endpoint, ordinal) -> {
    };
    private HttpServer server;
    private ExecutorService executor;

    /**
     * A server that keeps its state in {@code stateFolder}, made if missing: it replays what the
     * folder holds, so its batches are those of the last server there, brought up to the clock's
     * now (queued recipients get dialed, calls in flight end). Settings that shape the simulation
     * (concurrency limit, durations, failure rate, seed) may differ from the last server's; they
     * apply from now on. The folder stays locked until {@link #close()}.
     *
     * @throws IllegalStateException if another server has the folder open, or its journal is damaged
     *         or was written by an incompatible version
     * @throws UncheckedIOException if the folder cannot be read or written
     */
    public SandboxServer(SandboxSettings settings, Clock clock, Path stateFolder) {
        this.settings = settings;
        this.clock = clock;
        this.faults = FaultInjector.seeded(settings);
        this.stateFolder = StateFolder.open(Objects.requireNonNull(stateFolder, "stateFolder"),
                () -> new JournalEntry.Opened(clock.instant().truncatedTo(ChronoUnit.MILLIS), StateFolder.FORMAT,
                        Ids.newSeed(), JournalEntry.Knobs.of(settings)));
        try {
            JournalEntry.Opened opened = this.stateFolder.opened();
            this.simulator = new CallBatchSimulator(opened.settings(), clock, opened.idSeed(), this.stateFolder);
            this.stateFolder.replay(simulator::replay);
            simulator.reconfigure(JournalEntry.Knobs.of(settings));
        }
        catch (RuntimeException failed) {
            this.stateFolder.close();
            throw failed;
        }
    }

    /** A server whose state lives in memory only. */
    public SandboxServer(SandboxSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.faults = FaultInjector.seeded(settings);
        this.stateFolder = null;
        this.simulator = inMemorySimulator();
    }

    private CallBatchSimulator inMemorySimulator() {
        return new CallBatchSimulator(JournalEntry.Knobs.of(settings), clock, Ids.newSeed(), Journal.IN_MEMORY);
    }

    /** A server on the system clock whose state lives in memory only. */
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
        serveApi();
        server.start();
        log.info("Sandbox Cartesia API listening on {}", baseUrl());
        return this;
    }

    private void serveApi() {
        server.createContext("/", new CartesiaApiHandler(simulator, new CreateCallBatchParser(settings), faults,
                requests, (endpoint, ordinal) -> whenApplied.accept(endpoint, ordinal)));
    }

    /**
     * Forgets every batch, call and id, the planned faults and outcomes, the request counts and the
     * {@link #whenApplied} hook, and draws faults from the seed again: the server is as it was when
     * it started, on the same address, and reads its clock from now on. For tests that share one
     * server between their cases; call it while no request is in flight.
     *
     * @throws IllegalStateException if the server keeps its state in a folder
     */
    public synchronized void reset() {
        if (stateFolder != null) {
            throw new IllegalStateException("a sandbox on a state folder is not reset: start a new one on a new folder");
        }
        simulator = inMemorySimulator();
        faults = FaultInjector.seeded(settings);
        requests = new RequestCounter();
        whenApplied = (endpoint, ordinal) -> {
        };
        if (server != null) {
            server.removeContext("/");
            serveApi();
        }
    }

    /** Where the API is, e.g. {@code http://127.0.0.1:53817}; without a trailing slash. */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Stops serving at once; connections in progress are closed. A state folder records the
     * clock's reading and is unlocked. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (server != null && executor != null) {
            server.stop(0);
            executor.shutdownNow();
            executor = null;
        }
        if (stateFolder != null) {
            try {
                simulator.now();
            }
            finally {
                stateFolder.close();
            }
        }
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** Every batch created so far, oldest first, as it is now. */
    public List<CallBatchSnapshot> batches() {
        return simulator.snapshot();
    }

    /** One batch as it is now, if it exists. */
    public Optional<CallBatchSnapshot> batch(String batchId) {
        return simulator.snapshot(batchId);
    }

    /** The batches created with this name, oldest first: more than one means a duplicate create. */
    public List<CallBatchSnapshot> batchesNamed(String name) {
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
     * Drops the faults planned and not met yet: a test that planned more than one run of the job met,
     * because requests raced for them, restarts the job on a clean plan.
     */
    public void forgetPlannedFaults() {
        faults.forgetPlans();
    }

    /**
     * Plans how the next dials of {@code toNumber} end, one outcome a dial, in order: after what is
     * planned for the number already, and before any outcome drawn at the failure rate. The draw
     * is made all the same, so every other dial ends as the seed has it. A test plans the busy
     * line, the error or the answer it exercises, and the dial that meets it.
     * <p>
     * Not kept across a restart, like planned faults: a server restarted on the same state folder
     * replays the planned dials with the outcomes the seed drew for them.
     *
     * @param toNumber the number in E.164, as Create Call Batch sends it
     * @throws IllegalArgumentException if it is not an E.164 number
     */
    public void planOutcomes(String toNumber, CallOutcome... outcomes) {
        if (toNumber == null || !CreateCallBatchParser.E164.matcher(toNumber).matches()) {
            throw new IllegalArgumentException("not an E.164 number such as +14155559876: " + toNumber);
        }
        simulator.planOutcomes(toNumber, List.of(outcomes));
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
