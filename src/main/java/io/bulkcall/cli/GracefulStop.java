package io.bulkcall.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bulkcall.job.launch.RunningJobs;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ctrl-C and SIGTERM stop the running jobs at their next checkpoint; the run then ends as a stopped
 * run does, exit code 1, its jobs STOPPED and restartable. The signals are handled here instead of
 * starting the JVM's shutdown, because shutdown runs H2's own hook, which closes the job database
 * under the job before it can record that it stopped (and H2 refuses to keep it open with
 * {@code AUTO_SERVER}). A second signal, or a job that reaches no checkpoint within the grace period,
 * ends the process at once; the next run then recovers the job. Outside {@code watch}–{@code done}
 * the JVM's own handling is back in place.
 */
final class GracefulStop {

    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile ConfigurableApplicationContext context;

    void watch(ConfigurableApplicationContext context) {
        this.context = context;
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
        int exitCode = 128 + signal.getNumber();
        ConfigurableApplicationContext running = context;
        if (stopping.getAndSet(true) || running == null || !running.isActive()) {
            Runtime.getRuntime().exit(exitCode);
            return;
        }
        running.getBean(RunningJobs.class).stopAll();
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
                Runtime.getRuntime().exit(exitCode);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bulkcall-graceful-stop");
        deadline.setDaemon(true);
        deadline.start();
    }
}
