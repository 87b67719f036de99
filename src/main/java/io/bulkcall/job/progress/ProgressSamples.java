package io.bulkcall.job.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The last few {@link ProgressSample}s of a job, oldest first: what its rate of calls is worked out
 * from. Kept as text in the await step's ExecutionContext ({@link #KEY}), so that they are saved with
 * each poll's checkpoint and {@code bulkcall status} in another process reads them without an API call.
 * Immutable.
 */
public record ProgressSamples(List<ProgressSample> samples) {

    /** The ExecutionContext key of the samples. */
    public static final String KEY = "bulkcall.progress.samples";

    /** How many samples are kept. */
    public static final int KEPT = 20;

    /** How far back the rate looks. */
    public static final Duration RATE_WINDOW = Duration.ofMinutes(10);

    public static final ProgressSamples NONE = new ProgressSamples(List.of());

    public ProgressSamples {
        samples = List.copyOf(samples);
    }

    /** Reads {@link #text()} back; anything unreadable reads as no samples, as they are only a hint. */
    public static ProgressSamples parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<ProgressSample> samples = new ArrayList<>();
        for (String sample : text.split(";")) {
            String[] parts = sample.split("=");
            try {
                samples.add(new ProgressSample(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1])));
            }
            catch (RuntimeException unreadable) {
                return NONE;
            }
        }
        return new ProgressSamples(samples);
    }

    /** {@code <epoch millis>=<calls done>}, separated by {@code ;}. */
    public String text() {
        return samples.stream().map(sample -> sample.at().toEpochMilli() + "=" + sample.callsDone())
            .collect(Collectors.joining(";"));
    }

    /** These samples and one more, the {@link #KEPT} latest kept; a sample at the instant of the last replaces it. */
    public ProgressSamples plus(ProgressSample sample) {
        List<ProgressSample> more = new ArrayList<>(samples);
        if (!more.isEmpty() && !more.get(more.size() - 1).at().isBefore(sample.at())) {
            more.remove(more.size() - 1);
        }
        more.add(sample);
        return new ProgressSamples(more.subList(Math.max(0, more.size() - KEPT), more.size()));
    }

    /**
     * Calls finished per minute over the samples of the last {@link #RATE_WINDOW} before the latest one;
     * empty with fewer than two such samples. Never negative: a redial round that queues failed calls
     * again takes them out of the done ones.
     */
    public OptionalDouble perMinute() {
        if (samples.size() < 2) {
            return OptionalDouble.empty();
        }
        ProgressSample last = samples.get(samples.size() - 1);
        ProgressSample first = samples.stream()
            .filter(sample -> !sample.at().isBefore(last.at().minus(RATE_WINDOW)))
            .findFirst()
            .orElse(last);
        long millis = Duration.between(first.at(), last.at()).toMillis();
        if (millis <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, last.callsDone() - first.callsDone()) * 60_000.0 / millis);
    }

    /** When the last sample was taken; empty without samples. */
    public Optional<Instant> lastAt() {
        return samples.isEmpty() ? Optional.empty()
                : Optional.of(samples.get(samples.size() - 1).at());
    }
}
