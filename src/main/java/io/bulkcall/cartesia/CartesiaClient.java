package io.bulkcall.cartesia;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

import io.bulkcall.cartesia.RetryPolicy.Verdict;
import io.bulkcall.config.ApiKey;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.InvalidSettingException;
import io.bulkcall.time.StopSignal;
import io.bulkcall.time.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The Cartesia Call Batches API, Get Call and List Calls, with a synchronous API for the job's
 * steps. The requests themselves are the {@link CartesiaApi} interface, served by WebClient on the
 * JDK's HTTP client; this class decides how often each one is sent and what its failure means.
 *
 * <p>Every request carries the key as {@code Authorization: Bearer}, the configured
 * {@code Cartesia-Version}, and is bounded by the configured connect and response timeouts.
 * Get, List, Cancel, Get Call and List Calls are repeated on 429, 5xx and lost answers, up to the
 * configured number of attempts, with exponential backoff and jitter or Cartesia's
 * {@code Retry-After}. Create and Retry are repeated only when they surely did not reach Cartesia
 * (no connection, 429); when their outcome is unknown they throw {@link OutcomeUnknownException}
 * instead, so the caller reconciles before sending again.
 *
 * <p>The API key is read when a request is about to be sent, not before: a client without a key
 * can be built, and refuses to send anything. The key appears in the {@code Authorization} header
 * only: never in a message, a log line or {@code toString()}.
 *
 * <p>Thread-safe. Blocks the calling thread, so it must not be called from a reactive event loop.
 */
public class CartesiaClient {

    private static final Logger log = LoggerFactory.getLogger(CartesiaClient.class);

    /** The page size {@link #listAllCallBatches} and {@link #listAllCalls} ask for, the largest the API allows. */
    static final int MAX_PAGE_SIZE = 100;

    /** How far Cartesia's clock may be behind ours, for {@link #listCallBatchesSince}. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

    private static final String HIDDEN = "(hidden)";

    /** How often a wait for an answer looks whether the time given to stop is up. */
    private static final Duration STOP_CHECK = Duration.ofMillis(100);

    /** Read at the first request: the sandbox's stand-in starts only when a command calls Cartesia. */
    private final SingletonSupplier<Endpoint> endpoint;
    private final CartesiaConnectionDetails connection;
    private final CreateCallBatchRequestRules rules;
    private final ApiErrorReader errors;
    private final RetryPolicy retryPolicy;
    private final ClockAgreement clockAgreement;
    private final Clock clock;
    private final Waiter waiter;
    private final StopSignal stop;

    /**
     * @param connection where the API is and the key to use; the key is read only when a request is sent
     * @param settings version header, timeouts and retry bounds
     * @param clock tells whether a batch's {@code scheduled_at} is in the future, and how long a
     *        {@code Retry-After} date is away
     * @param webClientBuilder the application's builder; it is cloned, not changed
     * @param waiter waits between two attempts
     * @param stop ends a wait between two attempts at once, and bounds what is sent while the process stops
     */
    public CartesiaClient(CartesiaConnectionDetails connection, BulkcallProperties.Cartesia settings, Clock clock,
            WebClient.Builder webClientBuilder, Waiter waiter, StopSignal stop) {
        this(connection, settings, clock, webClientBuilder,
                new RetryPolicy(settings, clock, () -> ThreadLocalRandom.current().nextDouble()), waiter, stop);
    }

    /** With the retry policy's jitter under the caller's control, for tests. */
    CartesiaClient(CartesiaConnectionDetails connection, BulkcallProperties.Cartesia settings, Clock clock,
            WebClient.Builder webClientBuilder, RetryPolicy retryPolicy, Waiter waiter, StopSignal stop) {
        JsonMapper json = CartesiaWebClient.json();
        this.clockAgreement = new ClockAgreement(Clock.systemUTC());
        this.endpoint = SingletonSupplier.of(() -> {
            URI baseUrl = URI.create(connection.baseUrl());
            return new Endpoint(CartesiaWebClient.api(baseUrl.toString(), settings, json,
                    webClientBuilder.clone().filter(clockAgreement.filter())),
                    baseUrl.getPort() == -1 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort());
        });
        this.connection = connection;
        this.rules = new CreateCallBatchRequestRules(clock, settings.cartesiaVersion(), json);
        this.errors = new ApiErrorReader(json);
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.waiter = waiter;
        this.stop = stop;
    }

    /**
     * Works out where the API is, as the first request would: the sandbox's stand-in starts here. A
     * command that calls Cartesia does it as it starts, so that a stand-in that cannot start stops it
     * before any job does anything.
     */
    public void resolveEndpoint() {
        endpoint.obtain();
    }

    /**
     * Create Call Batch. Checks the request against the reference's rules, and this machine's clock
     * against Cartesia's ({@link ClockAgreement}), first; never re-sends one whose outcome is unknown.
     *
     * @throws InvalidCallBatchRequestException when the request breaks a rule; nothing was sent
     * @throws InvalidSettingException when the API key is not set or malformed; nothing was sent
     * @throws OutcomeUnknownException when the batch may or may not have been created (timeout after
     *         the request was written, connection reset, 5xx); {@code batchName()} is the request's name
     * @throws CartesiaApiException when Cartesia refused it
     */
    public CallBatch createCallBatch(CreateCallBatchRequest request) {
        rules.check(request);
        return sendDialing(Operation.unrepeatable("Create Call Batch \"" + request.name() + "\"", request.name(),
                "reconcile with List Call Batches before sending again"),
                cartesia -> cartesia.createCallBatch(request));
    }

    /** Get Call Batch, with its recipients. */
    public CallBatch getCallBatch(String batchId) {
        Assert.hasText(batchId, "batchId must not be blank");
        return send(Operation.idempotent("Get Call Batch " + batchId), cartesia -> cartesia.getCallBatch(batchId));
    }

    /**
     * One page of List Call Batches for an agent, newest first.
     *
     * @param agentId the agent whose batches to list; {@code null} for every batch of the workspace
     * @param startingAfter the {@code next_page} of the previous page; {@code null} for the first page
     * @param limit batches per page, 1 to 100
     */
    public CallBatchPage listCallBatches(String agentId, String startingAfter, int limit) {
        checkLimit(limit);
        String name = "List Call Batches" + (agentId == null ? "" : " of agent " + agentId) + after(startingAfter);
        return send(Operation.idempotent(name), cartesia -> cartesia.listCallBatches(agentId, startingAfter, limit));
    }

    /**
     * Every batch of an agent, newest first. Pages of 100 are fetched as the stream is consumed, so
     * a consumer that stops early ({@code findFirst}, {@code takeWhile}) sends no further request.
     * The stream is sequential and must be consumed on one thread.
     */
    public Stream<CallBatch> listAllCallBatches(String agentId) {
        return Pages.stream(startingAfter -> listCallBatches(agentId, startingAfter, MAX_PAGE_SIZE), CallBatch::id);
    }

    /**
     * The batches of an agent that may have been created since {@code since}, newest first, paged as
     * {@link #listAllCallBatches}: the list ends at the first batch Cartesia says it created more than
     * {@link #CLOCK_SKEW} before it, so no older page is fetched. A batch without a creation time is kept.
     */
    public Stream<CallBatch> listCallBatchesSince(String agentId, Instant since) {
        Instant horizon = since.minus(CLOCK_SKEW);
        return listAllCallBatches(agentId)
            .takeWhile(batch -> batch.createdAt() == null || !batch.createdAt().toInstant().isBefore(horizon));
    }

    /**
     * Retry Call Batch: re-queues the recipients whose latest attempt failed or went unanswered.
     * Checks this machine's clock against Cartesia's first; never re-sent when its outcome is unknown.
     *
     * @throws OutcomeUnknownException when the retry may or may not have happened; {@code batchName()}
     *         is the batch id, and the batch's {@code retry_count} tells
     */
    public CallBatch retryCallBatch(String batchId) {
        Assert.hasText(batchId, "batchId must not be blank");
        return sendDialing(Operation.unrepeatable("Retry Call Batch " + batchId, batchId,
                "check retry_count with Get Call Batch before sending again"),
                cartesia -> cartesia.retryCallBatch(batchId));
    }

    /** Cancel Call Batch; idempotent, so repeated like a read. */
    public CallBatch cancelCallBatch(String batchId) {
        Assert.hasText(batchId, "batchId must not be blank");
        return send(Operation.idempotent("Cancel Call Batch " + batchId), cartesia -> cartesia.cancelCallBatch(batchId));
    }

    /** Get Call, for a recipient's {@code agent_call_id}; always with the transcript Cartesia kept. */
    public AgentCall getCall(String callId) {
        Assert.hasText(callId, "callId must not be blank");
        return send(Operation.idempotent("Get Call " + callId), cartesia -> cartesia.getCall(callId));
    }

    /**
     * One page of List Calls, newest first: one call per attempt, so a retried recipient appears
     * once per dial, and a recipient that failed before dialing not at all.
     *
     * @param agentId the agent whose calls to list; Cartesia's older versions require it
     * @param batchId the batch whose calls to list; {@code null} for every call of the agent
     * @param startingAfter the {@code next_page} of the previous page; {@code null} for the first page
     * @param limit calls per page, 1 to 100
     * @param withTranscripts whether each call comes with its transcript ({@code expand=transcript})
     */
    public CallPage listCalls(String agentId, String batchId, String startingAfter, int limit,
            boolean withTranscripts) {
        checkCallFilter(agentId, batchId);
        checkLimit(limit);
        String name = "List Calls" + (batchId == null ? " of agent " + agentId : " of batch " + batchId)
                + after(startingAfter);
        String expand = withTranscripts ? "transcript" : null;
        return send(Operation.idempotent(name),
                cartesia -> cartesia.listCalls(agentId, batchId, startingAfter, limit, expand));
    }

    /**
     * Every call of an agent or batch, newest first, fetched lazily like {@link #listAllCallBatches}.
     * The stream is sequential and must be consumed on one thread.
     *
     * @see #listCalls
     */
    public Stream<AgentCall> listAllCalls(String agentId, String batchId, boolean withTranscripts) {
        checkCallFilter(agentId, batchId);
        return Pages.stream(
                startingAfter -> listCalls(agentId, batchId, startingAfter, MAX_PAGE_SIZE, withTranscripts),
                AgentCall::id);
    }

    private static void checkLimit(int limit) {
        Assert.isTrue(limit >= 1 && limit <= MAX_PAGE_SIZE, () -> "limit must be 1 to 100, not " + limit);
    }

    private static void checkCallFilter(String agentId, String batchId) {
        Assert.isTrue(StringUtils.hasText(agentId) || StringUtils.hasText(batchId),
                "agentId or batchId must be given");
    }

    private static String after(String startingAfter) {
        return startingAfter == null ? "" : " after " + startingAfter;
    }

    /** Sends what starts Cartesia dialing (a create, a retry), only while this machine's clock agrees with Cartesia's. */
    private CallBatch sendDialing(Operation operation, Function<CartesiaApi, Mono<CallBatch>> request) {
        clockAgreement.check(operation.name());
        return send(operation, request);
    }

    /**
     * Sends a request, and sends it again for as long as the retry policy allows. Once the process is
     * asked to stop, a wait between two attempts ends at once, and what is still sent (the stop's own
     * cancels) gets no further attempt after a refused connection or a lost answer, nor any the stop's
     * time cannot hold.
     */
    private <T> T send(Operation operation, Function<CartesiaApi, Mono<T>> request) {
        ApiKey key = apiKey();
        Endpoint cartesia = endpoint.obtain();
        for (int attempt = 1;; attempt++) {
            if (stop.isOver()) {
                throw new StopRequestedException(operation.name() + ": not sent: the time given to stop is up", null);
            }
            Attempt sent = new Attempt(key);
            Failure failure;
            try {
                T body = answer(request.apply(cartesia.api()).contextWrite(sent::addTo));
                if (body == null) {
                    throw new DecodingException("empty body");
                }
                logAttempt(sent, sent.status(), attempt);
                return body;
            }
            catch (RuntimeException ex) {
                failure = failure(operation, ex, key);
                Object outcome = failure.cause() instanceof CartesiaApiException refusal ? refusal.status()
                        : failure.why();
                logAttempt(sent, outcome, attempt);
            }
            Verdict verdict = retryPolicy.verdict(operation.resend(), failure, attempt);
            if (verdict == Verdict.OUTCOME_UNKNOWN) {
                throw operation.outcomeUnknown(failure);
            }
            if (verdict == Verdict.GIVE_UP) {
                throw failure.toException(operation.name(), attempt, cartesia.host());
            }
            pause(operation, failure, retryPolicy.backoff(attempt, failure));
        }
    }

    /**
     * The answer, waited for as long as the response timeout allows, or until the time given to stop
     * is up: then it is given up on as a lost answer.
     */
    private <T> T answer(Mono<T> answer) {
        CompletableFuture<T> pending = answer.toFuture();
        try {
            while (true) {
                try {
                    return pending.get(STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                }
                catch (TimeoutException stillWaiting) {
                    if (stop.isOver()) {
                        pending.cancel(true);
                        throw Exceptions.propagate(stillWaiting);
                    }
                }
            }
        }
        catch (ExecutionException failed) {
            throw Exceptions.propagate(failed.getCause());
        }
        catch (InterruptedException interrupted) {
            pending.cancel(true);
            throw Exceptions.propagate(interrupted);
        }
    }

    /**
     * The key, read now; checked here because a key pasted with a line break or a space fails every
     * request in the HTTP client's words, which name neither the key nor the variable.
     */
    private ApiKey apiKey() {
        ApiKey key = connection.apiKey() == null ? new ApiKey(null) : connection.apiKey();
        key.problem().ifPresent(problem -> {
            throw new InvalidSettingException("CARTESIA_API_KEY", problem);
        });
        return key;
    }

    /** Cartesia's refusal when it answered with an error status, else what kept the answer away. */
    private Failure failure(Operation operation, RuntimeException thrown, ApiKey key) {
        // with a 2xx it is an answer whose body broke off or could not be read: no refusal
        if (Exceptions.unwrap(thrown) instanceof WebClientResponseException answer
                && !answer.getStatusCode().is2xxSuccessful()) {
            String body = answer.getResponseBodyAsString().replace(key.reveal(), HIDDEN);
            CartesiaApiException refusal = errors.read(operation.name(), answer.getStatusCode().value(), body);
            return Failure.answered(refusal, answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        }
        return Failure.thrown(thrown);
    }

    private void logAttempt(Attempt sent, Object outcome, int attempt) {
        log.debug("{} -> {} (attempt {} of {})", sent.requestLine(), outcome, attempt, retryPolicy.maxAttempts());
    }

    private void pause(Operation operation, Failure failure, Duration backoff) {
        Optional<Duration> timeLeft = stop.timeLeft();
        if (timeLeft.isPresent()) {
            // Cartesia answered, so it is there: worth another attempt if the stop leaves time for it
            if (!failure.kind().answered() || backoff.compareTo(timeLeft.get()) >= 0) {
                throw new StopRequestedException(
                        operation.name() + ": given up as bulkcall stops (" + failure.why() + ")", failure.cause());
            }
            waiter.waitUntil(clock.instant().plus(backoff), () -> false);
        }
        else if (!waiter.waitUntil(clock.instant().plus(backoff), stop::requested)) {
            throw new StopRequestedException(
                    operation.name() + ": not tried again as bulkcall stops (" + failure.why() + ")", failure.cause());
        }
    }

    /** The API's client, and its host as an error names it. */
    private record Endpoint(CartesiaApi api, String host) {
    }
}
