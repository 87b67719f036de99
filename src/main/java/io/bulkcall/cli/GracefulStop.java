package io.bulkcall.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bulkcall.job.launch.RunningJobs;
import io.bulkcall.time.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * During {@code run} and {@code restart}, Ctrl-C, SIGTERM and SIGHUP stop the running jobs at their
 * next checkpoint; the run then ends as a stopped run does, exit code 1, its jobs STOPPED and restartable,
 * after cancelling what their batches have queued at Cartesia. The process ends within
 * {@code bulkcall.stop.timeout} whatever Cartesia does: every wait and request of the job is bounded
 * by it ({@link io.bulkcall.time.StopSignal}), and if the job has still not ended when it is up, or
 * at a second signal, the process ends at once, saying for each job what may still be queued at
 * Cartesia and what to run; the next run recovers the job. During {@code validate} they end the
 * validation before its next row, with a line for the file and none of its {@code rejected.csv}, exit
 * code 1; during {@code cancel}, they bound its cancels by the same timeout; during {@code purge}, it
 * purges no further job. A process ended at once with no job of its own running says what its command
 * left undone. A signal before anything started (while the job database opens) ends the process at once.
 *
 * <p>The signals are handled here instead of starting the JVM's shutdown, because shutdown runs H2's
 * own hook, which closes the job database under the job before it can record that it stopped; and a
 * process ended at the deadline is halted, not shut down, for the same reason: a hook run then could
 * hold the process past the time it was given. Outside {@code watch}–{@code done} the JVM's own
 * handling is back in place.
 */
final class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    /**
     * SIGHUP too: a run started in a terminal that closes (an SSH session dropped) is stopped as by
     * Ctrl-C, its queued calls cancelled; left to the JVM, it would end without them, and they would be
     * dialed after it. Under {@code nohup} the signal is ignored, and the JVM installs no handler for it.
     */
    private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

    /** How long the last lines may take to gather: they ask the job database what may still be queued. */
    private static final Duration LAST_LINES = Duration.ofSeconds(2);

    private final String endedEarly;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile RunningJobs runningJobs;

    /** @param endedEarly what the process says if it ends at once with no job of its own running: what is left undone */
    GracefulStop(String endedEarly) {
        this.endedEarly = endedEarly;
    }

    void watch(ConfigurableApplicationContext context) {
        // taken once the context has started: a bean asked for during its start would wait for it
        context.addApplicationListener(event -> {
            if (event instanceof ApplicationStartedEvent) {
                runningJobs = context.getBean(RunningJobs.class);
            }
        });
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, this::stop));
        }
    }

    void done() {
        previous.forEach(Signal::handle);
        previous.clear();
    }

    private void stop(Signal signal) {
        RunningJobs jobs = runningJobs;
        if (jobs == null) {
            log.error("bulkcall was asked to stop before it started anything; nothing was done");
            Runtime.getRuntime().halt(ExitCodes.FAILED);
            return;
        }
        if (stopping.getAndSet(true)) {
            endNow(jobs);
            return;
        }
        jobs.stopAll();
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(jobs.stopTimeout().toMillis());
                log.error("bulkcall did not stop within bulkcall.stop.timeout ({}); ending now",
                        Durations.setting(jobs.stopTimeout()));
                endNow(jobs);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bulkcall-stop-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    /** Ends the process now, with a line for each job still running, or for the command when none is. */
    private void endNow(RunningJobs jobs) {
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(jobs::linesIfEndedNow);
        try {
            List<String> lastLines = lines.get(LAST_LINES.toMillis(), TimeUnit.MILLISECONDS);
            (lastLines.isEmpty() ? List.of(endedEarly) : lastLines).forEach(log::error);
        }
        catch (ExecutionException | TimeoutException unknown) {
            log.error("The job database did not say what may still be queued at Cartesia; `bulkcall status` lists the jobs, `bulkcall cancel JOB` cancels what a job has queued");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(ExitCodes.FAILED);
    }
}
