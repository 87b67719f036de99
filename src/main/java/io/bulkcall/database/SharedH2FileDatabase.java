package io.bulkcall.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.bulkcall.time.Durations;
import io.bulkcall.validation.Counts;
import org.flywaydb.core.Flyway;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;

/**
 * Opens and closes an H2 file job database so that any number of bulkcall processes on one host can
 * use it at once, whatever URL the operator configured:
 * <ul>
 * <li>the URL gets {@code WRITE_DELAY=0} and {@code AUTO_SERVER=TRUE} ({@link H2FileUrl}), and the
 * pool never retires its connections, since H2 closes the database with its last connection;</li>
 * <li>processes take turns, through an OS lock on a file beside the database, to open it: H2's own
 * start-up race ("Lock file recently modified", "Locked by another process") cannot happen between
 * them. A database another program holds is tried again for {@code openTimeout}, then refused with
 * a {@link JobDatabaseUnavailableException} that names the file;</li>
 * <li>the process that opened the file first serves it to the others and dies with it: it does not
 * close it while another process is connected, or that process's work would break mid-transaction.
 * It says so in a line, and waits.</li>
 * </ul>
 * Any other database (PostgreSQL) is left as configured. Thread-safe.
 */
final class SharedH2FileDatabase implements DestructionAwareBeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(SharedH2FileDatabase.class);

    /** H2's answers while another process opens, serves or closes the file. */
    private static final Set<Integer> BUSY = Set.of(8000, 90020, 90067, 90121);

    private static final Duration LOOK_AGAIN = Duration.ofMillis(250);

    /** Within one JVM, an OS lock cannot be taken twice: contexts of one JVM take turns here first. */
    private static final ConcurrentHashMap<String, ReentrantLock> TURNS_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Duration openTimeout;

    public SharedH2FileDatabase(Duration openTimeout) {
        this.openTimeout = openTimeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            H2FileUrl.parse(pool.getJdbcUrl()).ifPresent(database -> {
                pool.setJdbcUrl(database.durableShared());
                pool.setMaxLifetime(0);
            });
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            H2FileUrl.parse(pool.getJdbcUrl()).ifPresent(database -> open(pool, database));
        }
        return bean;
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof HikariDataSource pool && H2FileUrl.parse(pool.getJdbcUrl()).isPresent();
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        HikariDataSource pool = (HikariDataSource) bean;
        H2FileUrl database = H2FileUrl.parse(pool.getJdbcUrl()).orElseThrow();
        boolean told = false;
        while (true) {
            try (Turn turn = Turn.take(database)) {
                int guests = guestsOf(pool);
                if (guests == 0) {
                    compactIfRequested(pool, database);
                    pool.close();
                    return;
                }
                if (!told) {
                    log.info("{} is in use by {}, which this process serves it to; keeping it open until they are done",
                            database.file(), Counts.of(guests, "other bulkcall process"));
                    told = true;
                }
            }
            if (!pause(LOOK_AGAIN)) {
                pool.close();
                return;
            }
        }
    }

    /**
     * Migrates the job database's schema, in this process's turn when it is an H2 file. Flyway locks its
     * history table by its rows, and on H2 a new file's table has none: two processes started together on
     * a new file would both apply the first migrations, and the second would fail. PostgreSQL migrates as
     * Flyway does, under Flyway's advisory lock.
     */
    static void migrateInTurn(Flyway flyway) {
        Optional<H2FileUrl> h2File = h2File(flyway.getConfiguration().getDataSource());
        if (h2File.isEmpty()) {
            flyway.migrate();
            return;
        }
        try (Turn turn = Turn.take(h2File.get())) {
            flyway.migrate();
        }
    }

    static Optional<H2FileUrl> h2File(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? H2FileUrl.parse(dataSource.unwrap(HikariDataSource.class).getJdbcUrl()) : Optional.empty();
        }
        catch (SQLException notAPool) {
            return Optional.empty();
        }
    }

    private void open(HikariDataSource pool, H2FileUrl database) {
        long deadline = System.nanoTime() + openTimeout.toNanos();
        boolean waiting = false;
        while (true) {
            SQLException busy;
            try (Turn turn = Turn.take(database); Connection first = pool.getConnection()) {
                return;
            }
            catch (SQLException failure) {
                busy = failure;
            }
            catch (RuntimeException failure) {
                busy = Causes.find(failure, SQLException.class, any -> true).orElseThrow(() -> failure);
            }
            if (Files.exists(database.file()) && !Files.isWritable(database.file())) {
                // H2 opened it read-only, and refuses to serve it so in words about AUTO_SERVER
                throw JobDatabaseUnavailableException.notWritable(database, database.file(), busy);
            }
            Optional<IOException> full = Causes.find(busy, IOException.class, SharedH2FileDatabase::outOfRoom);
            if (full.isPresent()) {
                // H2 answers as it does while another process holds the file; no wait makes room
                throw JobDatabaseUnavailableException.onAFullDisk(database, busy, full.get());
            }
            if (Causes.find(busy, MVStoreException.class, SharedH2FileDatabase::unreadable).isPresent()) {
                throw JobDatabaseUnavailableException.damaged(database, busy);
            }
            if (!BUSY.contains(busy.getErrorCode()) || System.nanoTime() > deadline) {
                throw JobDatabaseUnavailableException.refused(database, busy);
            }
            if (!waiting) {
                log.info("{} is in use by another program; trying again for up to {} (bulkcall.database.open-timeout)",
                        database.file(), Durations.setting(openTimeout));
                waiting = true;
            }
            if (!pause(LOOK_AGAIN)) {
                throw JobDatabaseUnavailableException.refused(database, busy);
            }
        }
    }

    /**
     * Compacts the database as it closes, when a purge asked for it: H2 rewrites the file without the
     * deleted values. Only the process that serves the file can; a guest leaves the request for it.
     */
    private static void compactIfRequested(HikariDataSource pool, H2FileUrl database) {
        if (!Files.exists(database.compactionRequest()) || !serves(pool)) {
            return;
        }
        boolean compacted = false;
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            // the pool resets the connection as it takes it back, which fails once the database is shut
            // down, and H2 would write that failure to its trace file beside the database at each purge
            statement.execute("SET TRACE_LEVEL_FILE 0");
            statement.execute("SHUTDOWN COMPACT");
            compacted = true;
        }
        catch (SQLException | RuntimeException failed) {
            // once shut down, closing the connection fails: that says nothing of the compaction
            if (!compacted) {
                log.warn("{} was not compacted ({}); purged values stay in the file until it is", database.file(),
                        failed.getMessage());
                return;
            }
        }
        try {
            Files.deleteIfExists(database.compactionRequest());
        }
        catch (IOException e) {
            log.warn("{} was compacted, but {} could not be deleted ({}); it will be compacted again", database.file(),
                    database.compactionRequest(), e.getMessage());
        }
        log.info("Compacted {}: purged values are gone from the file", database.file());
    }

    private static boolean serves(HikariDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet session = statement.executeQuery(
                        "SELECT CLIENT_ADDR FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()")) {
            return session.next() && session.getString(1) == null;
        }
        catch (SQLException | RuntimeException gone) {
            return false;
        }
    }

    /** Sessions of other processes, when this process serves the file; 0 when it is a guest itself. */
    private static int guestsOf(HikariDataSource pool) {
        if (!serves(pool)) {
            return 0;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet guests = statement.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")) {
            guests.next();
            return guests.getInt(1);
        }
        catch (SQLException | RuntimeException gone) {
            log.debug("Could not count the sessions of the job database: {}", gone.getMessage());
            return 0;
        }
    }

    /** The file system's refusal when it is out of room: a full disk, or a quota. */
    private static boolean outOfRoom(IOException refused) {
        String message = refused.getMessage();
        return message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded"));
    }

    /** H2's store that cannot read its file back: shorter than it wrote it, or damaged. */
    private static boolean unreadable(MVStoreException store) {
        int error = store.getErrorCode();
        return error == DataUtils.ERROR_READING_FAILED || error == DataUtils.ERROR_FILE_CORRUPT;
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** This process's turn to open or close the database file; the next process waits for it. */
    private record Turn(ReentrantLock inThisJvm, FileChannel channel, FileLock lock) implements AutoCloseable {

        static Turn take(H2FileUrl database) {
            ReentrantLock inThisJvm = TURNS_IN_THIS_JVM.computeIfAbsent(database.path().toString(),
                    path -> new ReentrantLock());
            inThisJvm.lock();
            try {
                Files.createDirectories(database.turnLock().getParent());
                FileChannel channel = FileChannel.open(database.turnLock(), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                try {
                    return new Turn(inThisJvm, channel, channel.lock());
                }
                catch (IOException | RuntimeException failure) {
                    channel.close();
                    throw failure;
                }
            }
            catch (AccessDeniedException e) {
                inThisJvm.unlock();
                throw JobDatabaseUnavailableException.notWritable(database, database.turnLock(), e);
            }
            catch (IOException e) {
                inThisJvm.unlock();
                throw new UncheckedIOException("cannot take a turn at " + database.turnLock() + ": " + e.getMessage(), e);
            }
            catch (RuntimeException e) {
                inThisJvm.unlock();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            }
            catch (IOException e) {
                log.debug("Could not release {}: {}", lock, e.getMessage());
            }
            finally {
                inThisJvm.unlock();
            }
        }
    }
}
