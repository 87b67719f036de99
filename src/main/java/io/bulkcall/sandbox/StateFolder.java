package io.bulkcall.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The folder a {@link SandboxServer} keeps its state in across runs. Three files:
 * <ul>
 * <li>{@code journal.jsonl}: one JSON object a line. The first, written when the folder is made,
 * holds the seed of the ids and the settings; each further line is a change applied to the
 * simulation ({@link JournalEntry}), written before it is applied and so before its answer is
 * sent. A line goes whole, newline included, straight to the operating system (no buffer in the
 * process), so a process killed after the write loses nothing; it is not forced to the disk, so a
 * power cut may. A process killed during the write leaves a torn last line, which no client got
 * an answer for: opening the folder drops it, with a warning. An unreadable line before the last
 * is damage, not a kill, and opening refuses the folder. The journal is read a line at a time,
 * never whole: a million recipients' journal is some hundred megabytes.</li>
 * <li>{@code clock}: the latest instant the simulation reached, rewritten (atomically, by a rename)
 * on every request whose time is later, so that a restart never begins before a time a client
 * has seen.</li>
 * <li>{@code lock}: empty, locked while the folder is open, so that a server in another process
 * cannot open it. A file of its own, because a POSIX lock is lost as soon as its process closes
 * any descriptor of the file, and the journal is read by other means; for the same reason a second
 * server in this process is refused before it opens the file.</li>
 * </ul>
 * Thread-safe.
 */
final class StateFolder implements Journal, AutoCloseable {

    /**
     * The layout of the folder; a journal of another format is refused. 2: ids made from sequence
     * numbers (format 1 drew them from a stream, so its journals replay with other ids).
     */
    static final int FORMAT = 2;

    static final String JOURNAL = "journal.jsonl";

    static final String CLOCK = "clock";

    private static final String LOCK = "lock";

    private static final Logger log = LoggerFactory.getLogger(StateFolder.class);

    /** The folders open in this process, by real path. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private static final JsonMapper JSON = WireFormat.JSON.rebuild()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** A journal line's instant, read without the rest of it, but only from a line of whole JSON. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Stamp(Instant at) {
    }

    /**
     * What a scan of a journal found: its first line ({@code null} if none), how many readable
     * lines it has, the bytes they take (what follows them is torn), and the instant of the last.
     */
    private record Contents(JournalEntry first, int lines, long length, Instant last) {
    }

    private final Path folder;
    private final Path realPath;
    private final FileLock lock;
    private final FileChannel journal;
    private final JournalEntry.Opened opened;

    /** How many lines were in the journal when it was opened, the first included, until they are replayed. */
    private int unplayed;
    private Instant clockWritten;
    private IOException failedWrite;
    private boolean closed;

    private StateFolder(Path folder, Path realPath, FileLock lock, FileChannel journal, JournalEntry.Opened opened,
            int unplayed) {
        this.folder = folder;
        this.realPath = realPath;
        this.lock = lock;
        this.journal = journal;
        this.opened = opened;
        this.unplayed = unplayed;
        this.clockWritten = readClock(folder).orElse(null);
    }

    /**
     * Opens the folder, making it (and the journal's first line) if there is none, and locks it.
     *
     * @param creation the first line of a new journal
     * @throws IllegalStateException if another server has it open, or its journal is damaged
     * @throws UncheckedIOException if it cannot be read or written
     */
    static StateFolder open(Path folder, Supplier<JournalEntry.Opened> creation) {
        Path realPath = claim(folder);
        try {
            return open(folder, realPath, creation);
        }
        catch (RuntimeException failed) {
            OPEN.remove(realPath);
            throw failed;
        }
    }

    /** Makes the folder if missing and marks it open in this process; returns its real path. */
    private static Path claim(Path folder) {
        Path realPath;
        try {
            Files.createDirectories(folder);
            realPath = folder.toRealPath();
        }
        catch (IOException failed) {
            throw new UncheckedIOException("Sandbox state folder " + folder + " cannot be made", failed);
        }
        if (!OPEN.add(realPath)) {
            throw inUse(folder);
        }
        return realPath;
    }

    private static StateFolder open(Path folder, Path realPath, Supplier<JournalEntry.Opened> creation) {
        Path file = folder.resolve(JOURNAL);
        FileLock lock = null;
        FileChannel journal = null;
        try {
            lock = lock(folder);
            journal = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Contents contents = scan(file);
            if (contents.length() < journal.size()) {
                log.warn("Sandbox state: dropping the torn end of {} ({} bytes after line {}): a sandbox was "
                        + "stopped while writing it, before it answered", file, journal.size() - contents.length(),
                        contents.lines());
                journal.truncate(contents.length());
            }
            journal.position(contents.length());
            JournalEntry.Opened opened;
            if (contents.lines() == 0) {
                opened = creation.get();
                write(journal, opened);
            }
            else if (contents.first() instanceof JournalEntry.Opened first && first.format() == FORMAT) {
                opened = first;
            }
            else {
                throw new IllegalStateException(file + " is not a sandbox journal of format " + FORMAT
                        + "; move the folder away to start a new sandbox");
            }
            return new StateFolder(folder, realPath, lock, journal, opened, contents.lines());
        }
        catch (IOException | RuntimeException failed) {
            closeQuietly(journal, failed);
            closeQuietly(lock == null ? null : lock.channel(), failed);
            if (failed instanceof IOException io) {
                throw new UncheckedIOException("Sandbox state folder " + folder + " cannot be opened", io);
            }
            throw (RuntimeException) failed;
        }
    }

    /**
     * The latest instant a server on this folder reached, read without opening it; empty for a
     * folder that does not exist or holds nothing yet.
     */
    static Optional<Instant> lastInstant(Path folder) {
        Path file = folder.resolve(JOURNAL);
        Optional<Instant> journaled = Files.exists(file) ? Optional.ofNullable(scan(file).last()) : Optional.empty();
        return Stream.of(journaled, readClock(folder)).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /** The first line of the journal. */
    JournalEntry.Opened opened() {
        return opened;
    }

    /**
     * Plays the journal's changes, oldest first, into {@code simulator}, once, before the folder
     * records anything new. Not synchronized: the simulator takes its own lock, then this folder's,
     * never the other way round.
     *
     * @throws IllegalStateException naming the line that cannot be replayed
     */
    void replay(Consumer<JournalEntry> simulator) {
        Path file = folder.resolve(JOURNAL);
        try (Lines lines = new Lines(file)) {
            lines.next();
            for (int number = 2; number <= unplayed && lines.next(); number++) {
                try {
                    simulator.accept(lines.read(JournalEntry.class));
                }
                catch (RuntimeException diverged) {
                    String why = diverged instanceof JacksonException unreadable ? unreadable.getOriginalMessage()
                            : diverged.getMessage();
                    throw new IllegalStateException(file + " line " + number + " cannot be replayed (" + why
                            + "): it was written by another version of the sandbox, or edited; move the folder "
                            + "away to start a new sandbox", diverged);
                }
            }
        }
        catch (IOException failed) {
            throw new UncheckedIOException("Sandbox state " + file + " cannot be read", failed);
        }
        unplayed = 0;
    }

    @Override
    public synchronized void append(JournalEntry entry) {
        if (closed) {
            throw new IllegalStateException("the sandbox's state folder " + folder + " is closed");
        }
        if (failedWrite != null) {
            // The simulator may have drawn ids for the change that could not be written: what it does
            // next may no longer match what a replay would, so nothing more may be recorded.
            throw new UncheckedIOException("an earlier write to " + folder.resolve(JOURNAL) + " failed; restart "
                    + "the sandbox", failedWrite);
        }
        try {
            write(journal, entry);
        }
        catch (IOException failed) {
            failedWrite = failed;
            throw new UncheckedIOException("Sandbox state cannot be written to " + folder.resolve(JOURNAL), failed);
        }
    }

    @Override
    public synchronized void timeReached(Instant now) {
        if (closed || (clockWritten != null && !now.isAfter(clockWritten))) {
            return;
        }
        Path temporary = folder.resolve(CLOCK + ".tmp");
        try {
            Files.writeString(temporary, now + "\n");
            Files.move(temporary, folder.resolve(CLOCK), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException failed) {
            throw new UncheckedIOException("Sandbox state cannot be written to " + folder.resolve(CLOCK), failed);
        }
        clockWritten = now;
    }

    /** Unlocks the folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel lockFile = lock.channel(); FileChannel journalFile = journal) {
            // Closed in reverse order, the journal first: nothing is written once the lock is gone.
        }
        catch (IOException failed) {
            log.warn("Sandbox state folder {} did not close cleanly", folder, failed);
        }
        finally {
            OPEN.remove(realPath);
        }
    }

    private static FileLock lock(Path folder) throws IOException {
        FileChannel file = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = file.tryLock();
        if (lock == null) {
            file.close();
            throw inUse(folder);
        }
        return lock;
    }

    private static IllegalStateException inUse(Path folder) {
        return new IllegalStateException("Sandbox state folder " + folder + " is in use by another sandbox "
                + "(is another bulkcall running with the sandbox profile?)");
    }

    /**
     * Reads the journal a line at a time: the first whole, the others only as far as their instant,
     * which is enough to know each is whole JSON. An unreadable line followed by another is damage;
     * the last one unreadable was written by a write the system did not finish, and is torn.
     *
     * @throws IllegalStateException naming the damaged line
     */
    private static Contents scan(Path file) {
        JournalEntry first = null;
        int readable = 0;
        long length = 0;
        Instant last = null;
        String unreadable = null;
        try (Lines lines = new Lines(file)) {
            while (lines.next()) {
                if (unreadable != null) {
                    throw new IllegalStateException(file + " line " + (readable + 1) + " is damaged (" + unreadable
                            + "); move the folder away to start a new sandbox");
                }
                try {
                    if (readable == 0) {
                        first = lines.read(JournalEntry.class);
                        last = first.at();
                    }
                    else {
                        last = lines.read(Stamp.class).at();
                    }
                    readable++;
                    length = lines.end();
                }
                catch (JacksonException notJson) {
                    unreadable = notJson.getOriginalMessage();
                }
            }
        }
        catch (IOException failed) {
            throw new UncheckedIOException("Sandbox state " + file + " cannot be read", failed);
        }
        return new Contents(first, readable, length, last);
    }

    private static void write(FileChannel journal, JournalEntry entry) throws IOException {
        byte[] json = JSON.writeValueAsBytes(entry);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            journal.write(line);
        }
    }

    private static Optional<Instant> readClock(Path folder) {
        Path file = folder.resolve(CLOCK);
        try {
            return Files.exists(file)
                    ? Optional.of(Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip()))
                    : Optional.empty();
        }
        catch (IOException | DateTimeParseException unreadable) {
            // Only a lower bound for the next start; the journal holds one too.
            log.warn("Sandbox state: ignoring unreadable {} ({})", file, unreadable.toString());
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileChannel channel, Exception cause) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
    }

    /**
     * The lines of a file that end with a newline, one at a time, each in a buffer reused for the
     * next: what follows the last newline is no line. Not thread-safe.
     */
    private static final class Lines implements AutoCloseable {

        private final InputStream in;
        private final byte[] chunk = new byte[64 * 1024];
        private int chunkStart;
        private int chunkEnd;
        private byte[] line = new byte[64 * 1024];
        private int length;
        private long end;

        Lines(Path file) throws IOException {
            this.in = Files.newInputStream(file);
        }

        /** Moves to the next line; {@code false} when there is none. */
        boolean next() throws IOException {
            length = 0;
            while (true) {
                if (chunkStart == chunkEnd) {
                    chunkStart = 0;
                    chunkEnd = Math.max(0, in.read(chunk));
                    if (chunkEnd == 0) {
                        return false;
                    }
                }
                int newline = chunkStart;
                while (newline < chunkEnd && chunk[newline] != '\n') {
                    newline++;
                }
                if (length + newline - chunkStart > line.length) {
                    line = Arrays.copyOf(line, Math.max(2 * line.length, length + newline - chunkStart));
                }
                System.arraycopy(chunk, chunkStart, line, length, newline - chunkStart);
                length += newline - chunkStart;
                chunkStart = Math.min(newline + 1, chunkEnd);
                if (newline < chunkEnd) {
                    end += length + 1;
                    return true;
                }
            }
        }

        /** The line read as JSON. */
        <T> T read(Class<T> type) {
            return JSON.readValue(line, 0, length, type);
        }

        /** Where the line ends in the file, its newline included. */
        long end() {
            return end;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
