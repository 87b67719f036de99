package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * {@code target/bulkcall.jar} laid out as Spring Boot extracts it for a fast start
 * ({@code java -Djarmode=tools -jar bulkcall.jar extract}: the application's jar beside its
 * libraries), with a class-data sharing archive of the classes a run loads, written by one
 * training run ({@code -XX:ArchiveClassesAtExit}). The same classes as the packaged jar, loaded from
 * plain jars and mapped from the archive: a forked bulkcall starts in about half the CPU time of
 * {@code java -jar target/bulkcall.jar}, and the suite forks some forty of them.
 * <p>
 * Made once for each build of the jar (its size and time name the folder), by whichever test JVM
 * asks first; the others wait on a file lock and use it. The folders of earlier builds are removed.
 */
final class ExtractedJar {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(2);

    private static List<String> launch;

    private ExtractedJar() {
    }

    /**
     * What follows {@code java} and the JVM's own options to run bulkcall from the extracted jar:
     * {@code -XX:SharedArchiveFile=… -jar …/bulkcall.jar}.
     *
     * @param jvmOptions the options the forked runs use, which the training run uses too
     */
    static synchronized List<String> launch(Path packagedJar, String java, List<String> jvmOptions) {
        if (launch == null) {
            Path dir = TARGET.resolve("forked-jar").resolve(version(packagedJar));
            prepare(packagedJar, dir, java, jvmOptions);
            // the JVM's own CDS warnings off: a run's output is for its test to read
            launch = List.of("-XX:SharedArchiveFile=" + dir.resolve("classes.jsa"), "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-jar", dir.resolve("app/bulkcall.jar").toString());
        }
        return launch;
    }

    private static String version(Path jar) {
        try {
            return Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void prepare(Path jar, Path dir, String java, List<String> jvmOptions) {
        Path ready = dir.resolve("ready");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (Files.exists(ready)) {
                    return;
                }
                removeEarlierBuilds(dir);
                exec(dir, List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
                        "--destination", dir.resolve("app").toString()));
                train(dir, java, jvmOptions);
                Files.createFile(ready);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeEarlierBuilds(Path dir) throws IOException {
        try (Stream<Path> builds = Files.list(dir.getParent())) {
            for (Path build : builds.filter(other -> !other.equals(dir)).toList()) {
                FileSystemUtils.deleteRecursively(build);
            }
        }
    }

    /** The README's first command on a few rows, in the sandbox: it loads what a run loads, from start to report. */
    private static void train(Path dir, String java, List<String> jvmOptions) throws IOException {
        Path folder = dir.resolve("training");
        Files.createDirectories(folder.resolve("input"));
        Files.writeString(folder.resolve("input/training.csv"), CsvFiles.numbers(3));
        List<String> line = new ArrayList<>(List.of(java));
        line.addAll(jvmOptions);
        line.addAll(List.of("-XX:ArchiveClassesAtExit=" + dir.resolve("classes.jsa"), "-jar",
                dir.resolve("app/bulkcall.jar").toString(), "run", "--spring.profiles.active=sandbox",
                "--bulkcall.input-quiet-period=0s"));
        exec(folder, line);
    }

    private static void exec(Path folder, List<String> line) throws IOException {
        Path log = folder.resolve("prepare.log");
        Process process = new ProcessBuilder(line).directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        int exitCode = Processes.awaitExit(process, PREPARE_TIMEOUT, String.join(" ", line), log);
        if (exitCode != 0) {
            throw new IllegalStateException(String.join(" ", line) + " exited " + exitCode + ":\n" + Files.readString(log));
        }
    }
}
