package io.bulkcall.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;
import org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager;
import org.springframework.stereotype.Component;

/**
 * Says on the console, in one line, that the metrics could not be pushed. Spring Boot's
 * {@link PrometheusPushGatewayManager} catches a failed push and logs it as a warning with its stack
 * trace, which goes to the log file only; the operator reading the console or cron's mail would never
 * know that the dashboard shows an old night. The first failure of a run gets the line; the later ones
 * (one each {@code push-rate} while the Pushgateway is down) stay in the log file. The run goes on: its
 * exit code is its jobs'.
 *
 * <p>Listens to the manager's logger as a Logback appender. It is not detached when the context closes:
 * the manager pushes for the last time as it is destroyed, after this bean could be; Logback drops it when
 * logging is set up again. Thread-safe.
 */
@Component
@ConditionalOnBooleanProperty(NoPush.ENABLED)
class PushFailureLine extends AppenderBase<ILoggingEvent> {

    private static final Logger log = LoggerFactory.getLogger(PushFailureLine.class);

    private final String address;
    private final AtomicBoolean said = new AtomicBoolean();

    PushFailureLine(PrometheusProperties properties) {
        this.address = properties.getPushgateway().getAddress();
        ch.qos.logback.classic.Logger manager = (ch.qos.logback.classic.Logger) LoggerFactory
            .getLogger(PrometheusPushGatewayManager.class);
        setContext(manager.getLoggerContext());
        setName("bulkcall push failures");
        start();
        manager.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getThrowableProxy() != null && !said.getAndSet(true)) {
            log.warn("Metrics not pushed to the Pushgateway at {}: {}; the run goes on, its outcome unchanged "
                    + "(later failed pushes go to logs/bulkcall.log only)", address, rootCause(event.getThrowableProxy()));
        }
    }

    private static String rootCause(IThrowableProxy failure) {
        IThrowableProxy root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClassName() : root.getMessage();
    }
}
