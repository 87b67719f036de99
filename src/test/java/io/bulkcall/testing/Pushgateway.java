package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus Pushgateway in a process of its own, on a loopback port, keeping what it is pushed
 * in memory only; {@link Pushgateways} starts one per test. {@link #samples()} reads its {@code /metrics}
 * as Prometheus would scrape it.
 */
public final class Pushgateway implements AutoCloseable {

    /** A sample line of the text format: {@code name{label="value",...} value}. */
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path binary;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    Pushgateway(Path binary, int port) {
        this.binary = binary;
        this.port = port;
        start();
    }

    /** {@code host:port}, as {@code management.prometheus.metrics.export.pushgateway.address} takes it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The settings that make bulkcall push here, as node {@code instance}. */
    public String[] settings(String instance) {
        return new String[] { "--management.prometheus.metrics.export.pushgateway.enabled=true",
                "--management.prometheus.metrics.export.pushgateway.address=" + address(),
                "--bulkcall.metrics.instance=" + instance };
    }

    /** Every sample it serves, in order. */
    public List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (String line : get("/metrics").split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    /** The value of the one sample of that name whose labels include these; empty when there is none. */
    public OptionalDouble value(String name, String... labelsAndValues) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            wanted.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        List<Sample> matching = samples().stream()
            .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(wanted.entrySet()))
            .toList();
        if (matching.size() > 1) {
            throw new AssertionError("several samples " + name + wanted + ": " + matching);
        }
        return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
    }

    /** The samples of one metric, by the value of one of their labels. */
    public Map<String, Double> byLabel(String name, String label) {
        Map<String, Double> values = new LinkedHashMap<>();
        samples().stream().filter(sample -> sample.name().equals(name))
            .forEach(sample -> values.put(sample.labels().get(label), sample.value()));
        return values;
    }

    /** Ends the process, so that pushes meet a refused connection; {@link #start()} brings it back empty. */
    public void stop() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void start() {
        try {
            process = new ProcessBuilder(binary.toString(), "--web.listen-address=" + address(), "--persistence.file=")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(binary + " did not start", e);
        }
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> get("/-/ready") != null);
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + address() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** One sample: a metric's name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }
}
