package io.bulkcall.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.BulkcallWorkspaces.OnSystemClock;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.ForkedBulkcall;
import io.bulkcall.testing.ForkedBulkcall.Handle;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * bulkcall processes started at the same moment on one H2 job database, as two cron lines and an
 * operator's {@code status} would start them, all do their work, whatever H2 URL is configured: they
 * take turns to open the file, and the one that opened it keeps it open for the others. Settings are
 * checked before the database is touched, and a database another program holds is refused in one line.
 */
@ExtendWith(BulkcallWorkspaces.class)
@OnSystemClock
class SharedJobDatabaseIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final int ROWS = 300;
    /** The URL an operator writes, and the one the default's flags make of it. */
    private static final String OPERATORS_URL = "jdbc:h2:file:./data/bulkcall";
    private static final String FLAGGED_URL = "jdbc:h2:file:./data/bulkcall;AUTO_SERVER=TRUE;WRITE_DELAY=0";

    private Path dir;
    private SandboxServer sandbox;

    /** Each test runs its processes in folders of its own below the workspace's. */
    @BeforeEach
    void useWorkspace(Workspace workspace) {
        dir = workspace.root();
        sandbox = workspace.useSandbox(BulkcallWorkspaces.SYSTEM_CLOCK_SANDBOX.with(sandbox -> {
            sandbox.ringDuration = Duration.ofMillis(20);
            sandbox.callDuration = Duration.ofMillis(100);
            sandbox.failureRate = 0;
        }));
    }

    @Test
    void twoRunsAndAStatusStartedTogetherAllSucceedAndDialEachFileOnce() throws Exception {
        // given: a new database, two files, and processes on either form of its URL
        Path folder = Files.createDirectories(dir.resolve("together"));
        Files.createDirectories(folder.resolve("input"));
        Files.writeString(folder.resolve("input/a.csv"), CsvFiles.numbers(0, ROWS));
        Files.writeString(folder.resolve("input/b.csv"), CsvFiles.numbers(ROWS, ROWS));
        ForkedBulkcall bulkcall = new ForkedBulkcall(folder, sandbox.baseUrl());

        // when: started within a few milliseconds of each other
        List<Handle> processes = List.of(
                bulkcall.with("--spring.datasource.url=" + OPERATORS_URL).start("run", "input/a.csv"),
                bulkcall.with("--spring.datasource.url=" + FLAGGED_URL).start("run", "input/b.csv"),
                bulkcall.with("--spring.datasource.url=" + OPERATORS_URL).start("status"));

        // then
        for (Handle process : processes) {
            assertThat(process.waitFor(RUN_TIMEOUT)).as("exit code; stderr:%n%s", process.err()).isZero();
        }
        assertThat(processes.get(0).err()).contains("a.csv: job ", " completed");
        assertThat(processes.get(1).err()).contains("b.csv: job ", " completed");
        assertThat(sandbox.createdToNumbers()).doesNotHaveDuplicates().hasSize(2 * ROWS);
    }

    @Test
    void badSettingsBesideARunThatHoldsTheDatabaseExitTwoNamingThemWithoutWaitingForIt() {
        // given: a run that holds the database
        Path folder = dir.resolve("settings");
        Handle holder = new ForkedBulkcall(folder, sandbox.baseUrl()).start("status");

        // when: a process with three bad settings starts beside it
        Handle bad = new ForkedBulkcall(folder, sandbox.baseUrl()).withoutApiKey()
            .with("--bulkcall.batch.size=1001", "--bulkcall.agent-id=")
            .start("run");

        // then
        assertThat(bad.waitFor(RUN_TIMEOUT)).isEqualTo(2);
        assertThat(bad.err().lines().filter(line -> line.startsWith("bulkcall:"))).singleElement()
            .asString()
            .startsWith("bulkcall: invalid setting ")
            .contains("bulkcall.batch.size=1001: must be less than or equal to 1000",
                    "bulkcall.agent-id=: must not be blank", "CARTESIA_API_KEY is not set");
        assertThat(bad.err()).doesNotContain("locked", "in use by another program");
        assertThat(holder.waitFor(RUN_TIMEOUT)).isZero();
    }

    @Test
    void aDatabaseAnotherProgramHoldsIsRefusedInOneLineNamingIt() throws Exception {
        // given: the file open in this JVM, embedded, serving nobody
        Path folder = Files.createDirectories(dir.resolve("held"));
        Path database = folder.resolve("data/bulkcall");
        try (var holder = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "")) {

            // when
            Handle status = new ForkedBulkcall(folder, sandbox.baseUrl())
                .start("status", "--bulkcall.database.open-timeout=1s");

            // then
            assertThat(status.waitFor(RUN_TIMEOUT)).isEqualTo(2);
            assertThat(status.err().lines().filter(line -> line.startsWith("bulkcall:"))).singleElement()
                .asString()
                .startsWith("bulkcall: cannot open the job database " + database + ".mv.db: ")
                .endsWith("if another program has it open, close that program, or set spring.datasource.url to another file");
            assertThat(status.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void aStopWhileWaitingForADatabaseAnotherProgramHoldsEndsAtOnceHavingStartedNothing() throws Exception {
        // given: the file open in this JVM, and a run waiting for it
        Path folder = Files.createDirectories(dir.resolve("held"));
        Path database = folder.resolve("data/bulkcall");
        try (var holder = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "")) {
            Handle run = new ForkedBulkcall(folder, sandbox.baseUrl()).start("run", "--bulkcall.database.open-timeout=5m");
            await().atMost(RUN_TIMEOUT).until(() -> run.err().contains("is in use by another program"));

            // when
            long signalled = System.nanoTime();
            run.terminate();

            // then
            assertThat(run.waitFor(RUN_TIMEOUT)).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(5));
            assertThat(run.err()).contains("bulkcall was asked to stop before it started anything; nothing was done")
                .doesNotContain("\tat ");
        }
    }
}
