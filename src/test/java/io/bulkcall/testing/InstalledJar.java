package io.bulkcall.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * {@code target/bulkcall.jar} installed by the README's own commands (the first code block of "Running
 * it nightly", as the README writes it, run by {@code bash} with {@code /srv/bulkcall} replaced by a
 * folder of the tests'): laid out as Spring Boot extracts it, the application's jar beside its
 * libraries, with an archive of the classes it loads to start, written by a training run. The same
 * classes as the packaged jar, loaded from plain jars and mapped from the archive: a forked bulkcall
 * starts in about half the CPU time of {@code java -jar target/bulkcall.jar}, and the suite forks some
 * forty of them. A README whose commands do not install bulkcall fails every test that forks one.
 * <p>
 * Installed once for each build of the jar (its size and time name the folder), by whichever test JVM
 * asks first; the others wait on a file lock and use it. The folders of earlier builds are removed.
 */
public final class InstalledJar {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path README = Path.of("README.md").toAbsolutePath();
    private static final String README_SECTION = "## Running it nightly";
    /** Where the README installs bulkcall. */
    private static final String README_FOLDER = "/srv/bulkcall";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);

    private static List<String> launch;

    private InstalledJar() {
    }

    /**
     * What follows {@code java} and the JVM's own options to run bulkcall from the installed jar, for
     * the forked runs of the tests: {@code -XX:SharedArchiveFile=… -jar …/bulkcall.jar}, with the JVM's
     * own class-data sharing warnings off (a run's output is for its test to read). The archive serves
     * whatever compiler and collector the runs choose.
     */
    static synchronized List<String> launch() {
        if (launch == null) {
            Path dir = TARGET.resolve("forked-jar").resolve(version(Processes.PACKAGED_JAR));
            prepare(dir);
            launch = Stream.concat(Stream.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"), installed(dir).stream()).toList();
        }
        return launch;
    }

    /**
     * Installs {@code target/bulkcall.jar} in {@code dir} by the README's commands, the JDK that runs
     * the tests first on the {@code PATH} and temporary folders made in {@code dir}:
     * {@code dir/app/bulkcall.jar} beside its libraries, and {@code dir/app/bulkcall.jsa}. The commands'
     * output is in {@code dir/install.log}.
     *
     * @param environment variables the commands run with, beside the tests' own
     * @return what follows {@code java} and the JVM's options to run it as the README's nightly run does:
     *         {@code -XX:SharedArchiveFile=dir/app/bulkcall.jsa -jar dir/app/bulkcall.jar}
     */
    public static List<String> install(Path dir, Map<String, String> environment) {
        try {
            Files.createDirectories(dir);
            String commands = readmeInstall().replace("target/bulkcall.jar", Processes.PACKAGED_JAR.toString())
                .replace(README_FOLDER, dir.toString());
            ProcessBuilder bash = new ProcessBuilder("bash", "-eu", "-c", commands).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile());
            bash.environment().putAll(environment);
            bash.environment().put("PATH", Path.of(Processes.JAVA).getParent() + File.pathSeparator
                    + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            bash.environment().put("TMPDIR", dir.toString());
            int exitCode = Processes.awaitExit(bash.start(), INSTALL_TIMEOUT, "the README's install", dir.resolve("install.log"));
            if (exitCode != 0) {
                throw new IllegalStateException("the README's install exited " + exitCode + ":\n" + commands + "\n"
                        + Files.readString(dir.resolve("install.log")));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return installed(dir);
    }

    /** The first code block of the README's section on nightly runs: the commands that install bulkcall. */
    private static String readmeInstall() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("\n" + README_SECTION + "\n");
        int open = readme.indexOf("```\n", section);
        int close = readme.indexOf("\n```", open);
        if (section < 0 || open < 0 || close < 0 || readme.lastIndexOf("\n## ", open) != section) {
            throw new IllegalStateException(README + " has no code block under \"" + README_SECTION + "\"");
        }
        return readme.substring(open + "```\n".length(), close);
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

    private static void prepare(Path dir) {
        Path ready = dir.resolve("ready");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (!Files.exists(ready)) {
                    removeEarlierBuilds(dir);
                    FileSystemUtils.deleteRecursively(dir.resolve("app"));
                    install(dir, Map.of());
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
}
