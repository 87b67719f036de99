package io.bulkcall.metrics;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * bulkcall's own meters, in Prometheus's names once exported: what this run did with the files it ended,
 * what the job it runs waits for now, and when a run last succeeded. Counts are this process's, since each
 * run is a process of its own: {@code bulkcall_rows_total} is the rows of the jobs this run ended. Their
 * labels take values from small fixed sets (states, reasons, statuses, end reasons, rounds), never a file,
 * a batch or a number, so the Pushgateway's group of a node stays the same size night after night.
 * Thread-safe.
 */
@Component
public class BulkcallMetrics {

    static final List<String> STATES = List.of("COMPLETED", "FAILED", "STOPPED", "REJECTED");

    private final MeterRegistry registry;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final Counter notCancelled;

    public BulkcallMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered at zero: each push then replaces the last run's figures, a refusal or a failed
        // cancel included, instead of leaving them in the node's group
        STATES.forEach(this::jobs);
        notCancelled = Counter.builder("bulkcall.batches.not.cancelled")
            .description("Call batches that could not be cancelled as their job stopped: they may still dial")
            .register(registry);
        Gauge.builder("bulkcall.recipients.waiting", waiting, AtomicLong::get)
            .description("Recipients of the running job waiting for a batch: for their calling window to open, or for a redial's delay")
            .register(registry);
        Gauge.builder("bulkcall.calls.queued", queued, AtomicLong::get)
            .description("Calls of the running job queued at Cartesia, not dialed yet")
            .register(registry);
        Gauge.builder("bulkcall.calls.in.flight", inFlight, AtomicLong::get)
            .description("Calls of the running job dialed and not ended yet")
            .register(registry);
    }

    /** Counts a job that ended, whatever its state, with the figures of its {@code summary.json}. */
    public void jobEnded(EndedJob job) {
        jobs(job.state()).increment();
        Timer.builder("bulkcall.job.duration")
            .description("Jobs that ended, from their first start to their end")
            .tag("state", job.state())
            .register(registry)
            .record(job.duration());
        rows("accepted", "none").increment(job.accepted());
        job.rejected().forEach((reason, count) -> rows("rejected", reason).increment(count));
        job.suppressed().forEach((reason, count) -> rows("suppressed", reason).increment(count));
        count("bulkcall.calls", "Staged recipients by the final status of their call", "status", job.calls());
        count("bulkcall.call.end.reasons", "Recipients by the end_reason of their latest call", "end_reason",
                job.endReasons());
        for (EndedJob.Redialed redialed : job.redials()) {
            Counter.builder("bulkcall.redials")
                .description("Recipients redialed, by round and by the outcome that called for it")
                .tag("round", String.valueOf(redialed.round()))
                .tag("outcome", redialed.outcome())
                .register(registry)
                .increment(redialed.recipients());
        }
    }

    /** What the running job's recipients wait for now, as its last look at them found. */
    public void recipientsWaiting(long recipients) {
        waiting.set(recipients);
    }

    /** The running job's calls as its last poll found them. */
    public void calls(long queuedNow, long inFlightNow) {
        queued.set(queuedNow);
        inFlight.set(inFlightNow);
    }

    public void batchesNotCancelled(int batches) {
        notCancelled.increment(batches);
    }

    /**
     * Marks this run a success: it completed every job it ran. Registered only now, so a run that does not
     * succeed pushes no such metric, and the Pushgateway keeps the last success's. In the system's time
     * (alert rules compare it with Prometheus's), not the application clock, which the sandbox simulates.
     */
    public void runSucceeded() {
        lastSuccess.set(Clock.systemUTC().millis());
        Gauge.builder("bulkcall.last.success.timestamp", lastSuccess, millis -> millis.get() / 1000.0)
            .description("When a run last completed every job it ran, in seconds since the epoch")
            .baseUnit("seconds")
            .register(registry);
    }

    private Counter jobs(String state) {
        return Counter.builder("bulkcall.jobs")
            .description("Jobs this run ended, by how they ended")
            .tag("state", state)
            .register(registry);
    }

    private Counter rows(String outcome, String reason) {
        return Counter.builder("bulkcall.rows")
            .description("Rows of the files whose jobs ended, by outcome and by reason of rejection or suppression")
            .tag("outcome", outcome)
            .tag("reason", reason)
            .register(registry);
    }

    private void count(String name, String description, String tag, Map<String, Long> counts) {
        counts.forEach((value, count) -> Counter.builder(name).description(description).tag(tag, value)
            .register(registry)
            .increment(count));
    }
}
