package io.bulkcall.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.bulkcall.job.RunningJobs;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ctrl-C and SIGTERM stop the running jobs at their next checkpoint, and the JVM waits for the
 * launcher to finish (jobs STOPPED, context closed) before it exits, so that a stopped run is
 * restartable rather than left STARTED. A job that does not reach a checkpoint within the grace
 * period is left to the next run's recovery.
 */
final class GracefulStop {

    private static final Duration GRACE = Duration.ofSeconds(60);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "bulkcall-graceful-stop");
    private volatile ConfigurableApplicationContext context;

    void watch(ConfigurableApplicationContext context) {
        this.context = context;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void done() {
        finished.countDown();
        if (context != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it sees that we are done and returns
            }
        }
    }

    private void stop() {
        ConfigurableApplicationContext running = context;
        if (finished.getCount() == 0 || running == null || !running.isActive()) {
            return;
        }
        running.getBean(RunningJobs.class).stopAll();
        try {
            finished.await(GRACE.toSeconds(), TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
