package io.bulkcall.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bulkcall.testing.InstalledJar;
import io.bulkcall.testing.Processes;
import io.bulkcall.testing.TestKeys;
import io.bulkcall.validation.Counts;

/**
 * bulkcall as an operator runs it, {@code java -Xmx256m -jar target/bulkcall.jar} or installed as the
 * README installs it, in a JVM of its own with the JVM's default compilers and collector, working in a
 * folder of its own: its console in {@code bulkcall.out} and {@code bulkcall.err}, its collections in
 * {@code gc.log} and the liveness of its old regions at each concurrent marking in {@code liveness.log},
 * read back for the heap it used.
 */
final class HeapLimitedBulkcall {

    /**
     * A collection in the GC log: when, and the heap in use before it and after it, of the heap's size.
     * Only a young or full collection: G1's {@code Pause Remark} and {@code Pause Cleanup} end a
     * concurrent cycle without evacuating the young generation, so the heap they "leave" is whatever was
     * in use at that moment, garbage included (a remark read {@code 168M->167M}).
     */
    private static final Pattern PAUSE = Pattern.compile("^\\[([^]]+)].* Pause (?:Young|Full) .* (\\d+)M->(\\d+)M\\(\\d+M\\)");

    /** A phase of a concurrent cycle in the collector's table of region liveness. */
    private static final Pattern LIVENESS_PHASE = Pattern.compile("GC\\((\\d+)\\) ### PHASE (\\S+)");

    /**
     * A region of the old generation (humongous objects included) in that table: its bytes in use, live
     * at the previous marking, and live at this one.
     */
    private static final Pattern OLD_REGION = Pattern
        .compile("GC\\((\\d+)\\) ###\\s+(?:OLD|HUMS|HUMC)\\s+0x\\S+\\s+\\d+\\s+\\d+\\s+(\\d+)");

    /** How the GC log's {@code time} decoration writes an instant. */
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Path dir;

    /**
     * What follows {@code java} and its heap and GC log options: {@code -jar} and the jar, after the
     * archive an installed jar maps.
     */
    private final List<String> launch;

    /** {@code java -Xmx256m -jar target/bulkcall.jar}, in that folder. */
    HeapLimitedBulkcall(Path dir) {
        this(dir, List.of("-jar", Processes.PACKAGED_JAR.toString()));
    }

    private HeapLimitedBulkcall(Path dir, List<String> launch) {
        this.dir = dir;
        this.launch = launch;
    }

    /**
     * bulkcall installed in {@code installDir} as the README installs it for its nightly runs, working in
     * {@code dir}: {@code java -Xmx256m -XX:SharedArchiveFile=…/app/bulkcall.jsa -jar …/app/bulkcall.jar}.
     */
    static HeapLimitedBulkcall installed(Path installDir, Path dir) {
        return new HeapLimitedBulkcall(dir, InstalledJar.install(installDir, Map.of()));
    }

    /** Runs bulkcall with these arguments, and the agent and number a run needs, to its end; its exit code. */
    int run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Processes.JAVA, "-Xmx256m",
                "-Xlog:gc:file=" + dir.resolve("gc.log") + ":time", "-Xlog:gc+liveness=trace:file=" + dir.resolve("liveness.log")));
        command.addAll(launch);
        command.addAll(List.of(arguments));
        command.addAll(List.of("--bulkcall.agent-id=agent_sandbox", "--bulkcall.from-number-id=ap_sandbox"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(dir.resolve("bulkcall.out").toFile())
            .redirectError(dir.resolve("bulkcall.err").toFile());
        builder.environment().put("CARTESIA_API_KEY", TestKeys.API_KEY);
        return Processes.awaitExit(builder.start(), Duration.ofHours(1), "bulkcall", dir.resolve("bulkcall.err"));
    }

    /** What the run wrote to the console's standard error, where bulkcall logs. */
    String errors() throws IOException {
        return Files.readString(dir.resolve("bulkcall.err"));
    }

    /** The collections of the run, from its GC log. */
    List<GcPause> collections() throws IOException {
        List<GcPause> collections = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("gc.log"))) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                collections.add(new GcPause(GC_TIME.parse(pause.group(1), Instant::from),
                        Long.parseLong(pause.group(2)), Long.parseLong(pause.group(3)),
                        line.contains("(Mixed)") || line.contains("Pause Full")));
            }
        }
        return collections;
    }

    /**
     * The old generation's live data at each concurrent marking of the run, in bytes: what the marking
     * found live in each old region, summed, as the collector's table of region liveness gives it at the
     * marking's end (objects promoted while it marked count as live).
     */
    List<Long> oldLiveAtMarkings() throws IOException {
        Map<String, Long> live = new LinkedHashMap<>();
        String phase = "";
        for (String line : Files.readAllLines(dir.resolve("liveness.log"))) {
            Matcher phaseLine = LIVENESS_PHASE.matcher(line);
            Matcher region = OLD_REGION.matcher(line);
            if (phaseLine.find()) {
                phase = phaseLine.group(2);
            }
            else if (region.find() && phase.equals("Post-Marking")) {
                live.merge(region.group(1), Long.parseLong(region.group(2)), Long::sum);
            }
        }
        return List.copyOf(live.values());
    }

    /**
     * The most the heap held before a collection (the collector lets it fill the heap it has before it
     * collects), the most a collection left in it (a young collection leaves the old generation's
     * garbage), the most a collection of the old generation too left, and the most the old generation
     * held live at a marking: the data the run kept, young objects apart.
     */
    String heap() throws IOException {
        List<GcPause> collections = collections();
        List<Long> markings = oldLiveAtMarkings();
        return ("heap: at most %d MB in use, at most %d MB left by a collection, %d MB by one of the old generation, "
                + "of 256 MB; old generation live at a marking: %s")
            .formatted(collections.stream().mapToLong(GcPause::inUse).max().orElse(0),
                    collections.stream().mapToLong(GcPause::left).max().orElse(0),
                    collections.stream().filter(GcPause::reachesOld).mapToLong(GcPause::left).max().orElse(0),
                    markings.isEmpty() ? "no marking"
                            : "at most %d MB (%s)".formatted(Collections.max(markings) >> 20,
                                    Counts.of(markings.size(), "marking")));
    }

    /**
     * A collection in the GC log: when, the megabytes in use before it and left after it, and whether
     * it collected the old generation too (a mixed or full collection).
     */
    record GcPause(Instant at, long inUse, long left, boolean reachesOld) {
    }
}
