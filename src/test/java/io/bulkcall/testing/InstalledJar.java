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
 * {@code target/bulkcall.jar} installed as the README installs it (Running it nightly): laid out as
 * Spring Boot extracts it ({@code java -Djarmode=tools -jar bulkcall.jar extract}: the application's jar
 * beside its libraries), with an archive of the classes it loads to start, written by a training run
 * that starts it in the sandbox, in an empty folder, and exits once it has started
 * ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}). The same classes as
 * the packaged jar, loaded from plain jars and mapped from the archive: a forked bulkcall starts in
 * about half the CPU time of {@code java -jar target/bulkcall.jar}, and the suite forks some forty of
 * them.
 * <p>
 * Installed once for each build of the jar (its size and time name the folder), by whichever test JVM
 * asks first; the others wait on a file lock and use it. The folders of earlier builds are removed.
 */
public final class InstalledJar {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path PACKAGED_JAR = TARGET.resolve("bulkcall.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(2);

    private static List<String> launch;

    private InstalledJar() {
    }

    /**
     * What follows {@code java} and the JVM's own options to run bulkcall from the installed jar, for
     * the forked runs of the tests: {@code -XX:SharedArchiveFile=… -jar …/bulkcall.jar}, with the JVM's
     * own class-data sharing warnings off (a run's output is for its test to read).
     *
     * @param jvmOptions the options the forked runs use, which the training run uses too
     */
    static synchronized List<String> launch(List<String> jvmOptions) {
        if (launch == null) {
            Path dir = TARGET.resolve("forked-jar").resolve(version(PACKAGED_JAR));
            prepare(dir, jvmOptions);
            launch = Stream.concat(Stream.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"), installed(dir).stream()).toList();
        }
        return launch;
    }

    /**
     * Installs {@code target/bulkcall.jar} in {@code dir} as the README does: {@code dir/app/bulkcall.jar} beside its
     * libraries, and {@code dir/app/bulkcall.jsa}, the archive of a training run in {@code dir/training}.
     *
     * @param jvmOptions the JVM's options for the training run: none in the README; the suite's forked
     *        runs train with the options they run with
     * @return what follows {@code java} and the JVM's options to run it as the README's nightly run does:
     *         {@code -XX:SharedArchiveFile=dir/app/bulkcall.jsa -jar dir/app/bulkcall.jar}
     */
    public static List<String> install(Path dir, List<String> jvmOptions) {
        Path app = dir.resolve("app");
        try {
            Files.createDirectories(dir);
            exec(dir, List.of(JAVA, "-Djarmode=tools", "-jar", PACKAGED_JAR.toString(), "extract", "--destination",
                    app.toString()));
            train(dir, app, jvmOptions);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return installed(dir);
    }

    private static List<String> installed(Path dir) {
        Path app = dir.resolve("app");
        return List.of("-XX:SharedArchiveFile=" + app.resolve("bulkcall.jsa"), "-jar", app.resolve("bulkcall.jar").toString());
    }

    private static String version(Path jar) {
        try {
            return Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void prepare(Path dir, List<String> jvmOptions) {
        Path ready = dir.resolve("ready");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (!Files.exists(ready)) {
                    removeEarlierBuilds(dir);
                    FileSystemUtils.deleteRecursively(dir.resolve("app"));
                    FileSystemUtils.deleteRecursively(dir.resolve("training"));
                    install(dir, jvmOptions);
                    Files.createFile(ready);
                }
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

    /**
     * The README's training run: bulkcall started in the sandbox, in an empty folder, until its context
     * is up; the JVM writes the classes it loaded to the archive as it exits. The Pushgateway's push is
     * off whatever the environment says: the context's close would push an empty run.
     */
    private static void train(Path dir, Path app, List<String> jvmOptions) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("training"));
        List<String> line = new ArrayList<>(List.of(JAVA));
        line.addAll(jvmOptions);
        line.addAll(List.of("-XX:ArchiveClassesAtExit=" + app.resolve("bulkcall.jsa"), "-Dspring.context.exit=onRefresh",
                "-jar", app.resolve("bulkcall.jar").toString(), "--spring.profiles.active=sandbox",
                "--management.prometheus.metrics.export.pushgateway.enabled=false"));
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
