package io.bulkcall.metrics;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of bulkcall's metrics, bound from {@code bulkcall.metrics.*}; the push itself is set with
 * Spring Boot's {@code management.prometheus.metrics.export.pushgateway.*}.
 *
 * @param instance the node's name in the Pushgateway's grouping key ({@code instance}); unset, the host
 *     name. Nodes must have names of their own: two nodes of one name replace each other's metrics
 */
@Validated
@ConfigurationProperties("bulkcall.metrics")
record MetricsSettings(
        @Size(max = 128) @Pattern(regexp = "\\S+", message = "must be a name without spaces, such as node-a") String instance) {
}
