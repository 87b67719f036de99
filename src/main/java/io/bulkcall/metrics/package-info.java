/**
 * What a night's run looks like from the monitoring an operations team already has: bulkcall's own
 * meters ({@link io.bulkcall.metrics.BulkcallMetrics}), beside Spring Batch's job and step metrics and
 * the Cartesia client's {@code http.client.requests}, pushed to a Prometheus Pushgateway by Spring Boot's
 * own support ({@code management.prometheus.metrics.export.pushgateway.*}) while a run waits for its calls
 * and once more when it ends. A run is short-lived and unattended, so nobody would scrape it: it pushes.
 * The Pushgateway keeps every series it was given until deleted, so nothing here grows with the number of
 * files, batches or numbers, and no label holds a number or a cell: the push is grouped by node, and its
 * counts are this run's. Monitoring never changes a run's outcome: a push that fails is one line on the
 * console. Knows nothing of Spring Batch or of the job: the job, its reports and the command line tell it
 * what happened.
 */
package io.bulkcall.metrics;
