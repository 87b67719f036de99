package io.bulkcall.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bulkcalls that start together on a new H2 file: Flyway's lock holds nothing there, so without
 * turns both would apply the first migrations and the second would fail on the history's key. The
 * first migration here pauses after its first step, time enough for the second to begin if it could.
 */
class SharedH2FileDatabaseTest {

    /** How long the first migration holds on after its first step. */
    private static final Duration HOLD = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void migrationsOfANewFileStartedTogetherRunOneAfterTheOther() throws Exception {
        // given
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstStepDone = new CountDownLatch(1);
        Flyway first = flyway(new Recorder("first", events, firstStepDone));
        Flyway second = flyway(new Recorder("second", events, new CountDownLatch(1)));

        // when
        CompletableFuture<Void> firstRun = CompletableFuture.runAsync(() -> SharedH2FileDatabase.migrateInTurn(first));
        assertThat(firstStepDone.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> secondRun = CompletableFuture.runAsync(() -> SharedH2FileDatabase.migrateInTurn(second));
        CompletableFuture.allOf(firstRun, secondRun).get(60, TimeUnit.SECONDS);

        // then
        assertThat(events).containsExactly("first begins", "first ends", "second begins", "second ends");
        assertThat(second.info().applied()).hasSize(first.info().all().length);
    }

    private Flyway flyway(Recorder recorder) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(H2FileUrl.parse("jdbc:h2:file:" + dir.resolve("bulkcall")).orElseThrow().durableShared());
        pool.setUsername("sa");
        pools.add(pool);
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration").callbacks(recorder).load();
    }

    /** Records when a migration begins and ends; after its first step, lets the test go on and holds on. */
    private static final class Recorder extends BaseCallback {

        private final String name;
        private final List<String> events;
        private final CountDownLatch firstStepDone;

        Recorder(String name, List<String> events, CountDownLatch firstStepDone) {
            this.name = name;
            this.events = events;
            this.firstStepDone = firstStepDone;
        }

        @Override
        public void handle(Event event, Context context) {
            if (event == Event.BEFORE_MIGRATE) {
                events.add(name + " begins");
            }
            else if (event == Event.AFTER_MIGRATE) {
                events.add(name + " ends");
            }
            else if (event == Event.AFTER_EACH_MIGRATE && firstStepDone.getCount() > 0) {
                firstStepDone.countDown();
                hold();
            }
        }

        private static void hold() {
            try {
                Thread.sleep(HOLD.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
