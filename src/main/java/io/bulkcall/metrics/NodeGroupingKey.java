package io.bulkcall.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Groups the Pushgateway push by node: {@code job=bulkcall} (application.yml) and {@code instance}, which
 * is {@code bulkcall.metrics.instance} or the host name. The Pushgateway replaces what a group holds with
 * each push, so nodes of one group would overwrite each other's metrics. Added as the last property
 * source: {@code management.prometheus.metrics.export.pushgateway.grouping-key.instance}, when set, wins.
 * Spring Boot's own settings have no way to say "the host name", hence this.
 */
class NodeGroupingKey implements EnvironmentPostProcessor {

    static final String INSTANCE_KEY = NoPush.PUSHGATEWAY + "grouping-key.instance";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(NoPush.ENABLED, Boolean.class, false)) {
            return;
        }
        String instance = Binder.get(environment)
            .bind("bulkcall.metrics", MetricsSettings.class)
            .map(MetricsSettings::instance)
            .orElseGet(NodeGroupingKey::hostName);
        environment.getPropertySources()
            .addLast(new MapPropertySource("bulkcall node grouping key", Map.of(INSTANCE_KEY, instance)));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
