package io.bulkcall.database;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JDBC URL of an H2 database in a file, and the same URL with the settings bulkcall needs whatever
 * the operator wrote:
 * <ul>
 * <li>{@code WRITE_DELAY=0}: each commit reaches the file when it is made. H2 otherwise keeps the last
 * half second of commits in memory, and a process killed in that time forgets a call batch it
 * created; exactly once must not depend on a flag in a URL.</li>
 * <li>{@code AUTO_SERVER=TRUE}: the first process to open the file serves it to the others on this
 * host, so that a {@code status} or a second {@code run} can share it with a running job.</li>
 * <li>{@code LOCK_TIMEOUT=10000}: a transaction waits up to 10 s for a row another one holds (the
 * contact policy's lock, taken by every process that creates a batch), not H2's default second.</li>
 * <li>{@code LAZY_QUERY_EXECUTION=TRUE}: a query hands over each row as it reads it. H2 otherwise works
 * out a query's whole result before its first row, and the report's pass over a million recipients
 * held all of them in the heap at once, whatever the fetch size. A lazy result sees what its own
 * transaction writes while it is open; bulkcall reads a result to its end before it writes.</li>
 * <li>{@code CACHE_SIZE=4096}, unless the URL sets it: 4 MB of pages cached, where H2 would take 64 MB
 * for each GB of heap (16 MB at {@code -Xmx256m}). bulkcall reads and writes a job's rows in line
 * order, so the small cache costs no time; a larger one keeps each page long enough to outlive young
 * collections, and the pages it drops pile up as garbage in the old generation until the collector
 * gets to them. In the benchmark's million-row run, the most a collection left in the heap during the
 * validate step went from 212 MB to 77 MB, and during the report from 145 MB to 48 MB.</li>
 * </ul>
 * Other settings are kept as written. Immutable.
 *
 * @param url the URL as configured
 * @param path the database's path without H2's {@code .mv.db} suffix, as H2 resolves it
 */
record H2FileUrl(String url, Path path) {

    private static final Map<String, String> REQUIRED = Map.of(
            "WRITE_DELAY", "0",
            "AUTO_SERVER", "TRUE",
            "LOCK_TIMEOUT", "10000",
            "LAZY_QUERY_EXECUTION", "TRUE");

    private static final Map<String, String> DEFAULTS = Map.of("CACHE_SIZE", "4096");

    /** The H2 file database the URL names; empty for any other URL (PostgreSQL, in-memory, a TCP server). */
    public static Optional<H2FileUrl> parse(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String location = url.substring(8).split(";", 2)[0];
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            location = location.substring(5);
        }
        else if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:") || lower.startsWith("split:") || lower.startsWith("nio")) {
            return Optional.empty();
        }
        if (location.isBlank()) {
            return Optional.empty();
        }
        String home = System.getProperty("user.home");
        Path path = location.startsWith("~") ? Path.of(home + location.substring(1)) : Path.of(location);
        return Optional.of(new H2FileUrl(url, path.toAbsolutePath().normalize()));
    }

    /** The URL with bulkcall's settings in place of whatever it said for them, and its defaults where it said nothing. */
    public String durableShared() {
        String[] parts = url.split(";");
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                String[] setting = parts[i].split("=", 2);
                settings.put(setting[0].strip().toUpperCase(Locale.ROOT), setting.length > 1 ? setting[1] : "");
            }
        }
        DEFAULTS.forEach(settings::putIfAbsent);
        settings.putAll(REQUIRED);
        return parts[0] + settings.entrySet().stream()
            .map(setting -> ";" + setting.getKey() + "=" + setting.getValue())
            .collect(Collectors.joining());
    }

    /** The file an operator finds on disk, for messages. */
    public Path file() {
        return path.resolveSibling(path.getFileName() + ".mv.db");
    }

    /** Beside the database: present when it is to be compacted as it is closed ({@link Compaction}). */
    Path compactionRequest() {
        return path.resolveSibling(path.getFileName() + ".compact");
    }

    /** Beside the database: processes of this host take it in turn to open or close the database. */
    Path turnLock() {
        return path.resolveSibling(path.getFileName() + ".bulkcall.lock");
    }
}
