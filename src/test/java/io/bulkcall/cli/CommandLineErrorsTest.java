package io.bulkcall.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.bulkcall.BulkcallApplication;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.TestKeys;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every way a command can be wrong ends in one readable line that names what is wrong, and the
 * documented exit code: never a stack trace on the console.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class CommandLineErrorsTest {

    /** A file every machine that runs the tests has: the JDK's own. */
    private static final Path A_FILE = Path.of(System.getProperty("java.home"), "release");

    private Workspace workspace;

    @BeforeEach
    void useWorkspace(Workspace workspace) {
        this.workspace = workspace;
    }

    @Test
    void helpListsTheCommandsAndExitCodesWithoutAnySettings(CapturedOutput output) {
        int exitCode = BulkcallLauncher.launch(BulkcallApplication.class, "--help");

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("run", "validate", "status", "restart", "cancel",
                "3   a file was rejected by validation");
    }

    @Test
    void helpNamesTheSettingsFileWholeWhereALongerLineWasWrappedInsideIt(CapturedOutput output) {
        BulkcallLauncher.launch(BulkcallApplication.class, "--help");

        assertThat(output.getOut()).contains("application.yml");
    }

    @Test
    void anUnknownOptionIsAUsageError(CapturedOutput output) {
        int exitCode = BulkcallLauncher.launch(BulkcallApplication.class, "status", "--frobnicate");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall: Unknown option: '--frobnicate'");
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatNamesTheCommandWithoutAnySettings(CapturedOutput output) {
        int exitCode = BulkcallLauncher.launch(BulkcallApplication.class, "stauts");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall: stauts is no command and no file; did you mean status?");
    }

    @ParameterizedTest
    @ValueSource(strings = { "run", "validate" })
    void aMissingFileIsNamedAndIsAUsageError(String command, CapturedOutput output) {
        int exitCode = workspace.run(command, workspace.root().resolve("nowhere.csv").toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("nowhere.csv: no such file");
        assertNoStackTrace(output);
    }

    @ParameterizedTest
    @ValueSource(strings = { "run", "validate" })
    void aFolderNamedAsAFileIsCalledAFolderAndIsAUsageError(String command, CapturedOutput output) throws Exception {
        Path folder = Files.createDirectories(workspace.root().resolve("march.csv"));

        int exitCode = workspace.run(command, folder.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("march.csv: is a folder, not a file");
        assertNoStackTrace(output);
    }

    @Test
    void anUnreadableFileIsNamedAndIsAUsageError(CapturedOutput output) throws Exception {
        assumeThat(System.getProperty("user.name")).as("root reads every file").isNotEqualTo("root");
        Path file = workspace.drop("locked.csv", "to_number\n+12125550143\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));

        int exitCode = workspace.run("run", file.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("locked.csv: cannot be read");
    }

    @ParameterizedTest
    @ValueSource(strings = { ".mv.db", ".bulkcall.lock" })
    void aJobDatabaseFileAnotherUserOwnsIsNamedWithWhatToDo(String file, CapturedOutput output) throws Exception {
        assumeThat(System.getProperty("user.name")).as("root writes every file").isNotEqualTo("root");
        workspace.run("status");
        Path owned = workspace.database().resolveSibling(workspace.database().getFileName() + file);
        Files.setPosixFilePermissions(owned, PosixFilePermissions.fromString("r--r--r--"));

        int exitCode = workspace.run("status");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall: cannot open the job database " + workspace.database() + ".mv.db: "
                + owned + " cannot be written (permission denied); run bulkcall as the user that owns it");
        assertNoStackTrace(output);
    }

    @ParameterizedTest
    @ValueSource(strings = { "run", "validate" })
    void anOutputFolderAnotherUserOwnsIsNamedBeforeTheFileIsRead(String command, CapturedOutput output) throws Exception {
        assumeThat(System.getProperty("user.name")).as("root writes every folder").isNotEqualTo("root");
        Path file = workspace.drop("numbers.csv", "to_number\n+12125550143\n");
        Path reports = Files.createDirectories(workspace.root().resolve("output"));
        Files.setPosixFilePermissions(reports, PosixFilePermissions.fromString("r-xr-xr-x"));

        int exitCode = workspace.run(command, file.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains(reports + ": cannot be written (permission denied) (bulkcall.output-dir); "
                + "run bulkcall as the user that owns it, or set bulkcall.output-dir to a folder this user can write")
            .doesNotContain("numbers.csv:");
        assertNoStackTrace(output);
    }

    @Test
    void anInputFolderWhoseFilesCannotBeMovedOutOfItStopsTheRunBeforeItsFilesAreRead(CapturedOutput output) throws Exception {
        assumeThat(System.getProperty("user.name")).as("root writes every folder").isNotEqualTo("root");
        workspace.drop("numbers.csv", "to_number\n+12125550143\n");
        Path processed = Files.createDirectories(workspace.input().resolve("processed"));
        Files.setPosixFilePermissions(processed, PosixFilePermissions.fromString("r-xr-xr-x"));

        int exitCode = workspace.run("run");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains(processed + ": cannot be written (permission denied) (bulkcall.input-dir); "
                + "run bulkcall as the user that owns it, or set bulkcall.input-dir to a folder this user can write")
            .doesNotContain("numbers.csv");
        assertNoStackTrace(output);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments(named("a value out of range names the property and the rule", "--bulkcall.batch.size=5000"),
                        "status", List.of("bulkcall: invalid setting bulkcall.batch.size=5000",
                                "must be less than or equal to 1000")),
                arguments(named("a duration in words names the property and shows how one is written",
                        "--bulkcall.poll.interval=15 minutes"), "status",
                        List.of("bulkcall: invalid setting bulkcall.poll.interval=15 minutes: '15 minutes' is not a "
                                + "duration such as 500ms, 30s, 15m, 2h or 7d")),
                arguments(named("an outcome's wait that is no duration is named as written, its underscore kept",
                        "--bulkcall.redial.delay-after.dial_busy=soon"), "status",
                        List.of("bulkcall: invalid setting bulkcall.redial.delay-after.dial_busy=soon: 'soon' is not a "
                                + "duration such as 500ms, 30s, 15m, 2h or 7d")),
                arguments(named("a fraction where a whole number goes says so", "--bulkcall.redial.rounds=1.5"),
                        "status", List.of("bulkcall: invalid setting bulkcall.redial.rounds=1.5: '1.5' is not a whole number")),
                arguments(named("a whole number too large to hold says so", "--bulkcall.batch.size=99999999999"),
                        "status", List.of("bulkcall: invalid setting bulkcall.batch.size=99999999999: '99999999999' is "
                                + "above the largest whole number this setting holds (2147483647)")),
                arguments(named("an address with a space in it is no URL", "--bulkcall.cartesia.base-url=http://api cartesia.ai"),
                        "status", List.of("bulkcall: invalid setting bulkcall.cartesia.base-url=http://api cartesia.ai: "
                                + "must be an http(s) URL")),
                arguments(named("a word where a number goes says so", "--bulkcall.validation.max-reject-ratio=often"),
                        "status", List.of("bulkcall: invalid setting bulkcall.validation.max-reject-ratio=often: "
                                + "'often' is not a number")),
                arguments(named("a region in lower case that is no ISO 3166 code says which one is",
                        "--bulkcall.validation.default-region=uk"), "status",
                        List.of("bulkcall: invalid setting bulkcall.validation.default-region=UK: is not a region code; "
                                + "the United Kingdom's is GB")),
                arguments(named("a percentage where a share goes says how a share is written",
                        "--bulkcall.validation.max-reject-ratio=10"), "status",
                        List.of("bulkcall: invalid setting bulkcall.validation.max-reject-ratio=10.0: must be a share, "
                                + "at most 1.0: 0.1 is 10%")),
                arguments(named("a start time without its offset says what is missing",
                        "--bulkcall.batch.scheduled-at=2026-12-07T09:00"), "status",
                        List.of("bulkcall: invalid setting bulkcall.batch.scheduled-at=2026-12-07T09:00: '2026-12-07T09:00' "
                                + "is not a date and time with its offset (RFC 3339), such as 2026-12-07T09:00:00-05:00")),
                arguments(named("a sandbox start that is no time says what one is", "--bulkcall.sandbox.start=tomorrow"),
                        "--spring.profiles.active=sandbox status",
                        List.of("bulkcall: invalid setting bulkcall.sandbox.start=tomorrow: 'tomorrow' is not a date and "
                                + "time in UTC, such as 2026-11-29T12:00:00Z")),
                arguments(named("a duration under its least is said as it was written", "--bulkcall.stop.timeout=2s"),
                        "status", List.of("bulkcall: invalid setting bulkcall.stop.timeout=2s: must be longer than or "
                                + "equal to 5 seconds")),
                arguments(named("a PostgreSQL server that is not there is named with what to check",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/bulkcall"), "status",
                        List.of("bulkcall: cannot open the job database (spring.datasource.url): Connection to "
                                + "127.0.0.1:1 refused. Check that the hostname and port are correct")),
                arguments(named("a missing API key outside the sandbox says what to set", "--bulkcall.cartesia.api-key="),
                        "run", List.of("CARTESIA_API_KEY is not set")),
                arguments(named("a missing agent id is named", "--bulkcall.agent-id="), "run",
                        List.of("bulkcall.agent-id")),
                arguments(named("an input folder that is not there is named, not found empty",
                        "--bulkcall.input-dir=/nonexistent/bulkcall-input"), "run",
                        List.of("/nonexistent/bulkcall-input: no such folder (bulkcall.input-dir)")),
                arguments(named("a purge age that is not a duration is named", "--older-than=soon"), "purge",
                        List.of("'soon' is not a duration such as 90d, 12h or 30m")),
                arguments(named("an output folder that is a file is named before any job starts",
                        "--bulkcall.output-dir=" + A_FILE), "run",
                        List.of("bulkcall: invalid setting bulkcall.output-dir=" + A_FILE + ": is a file, not a folder")),
                arguments(named("an input folder that is a file says so", "--bulkcall.input-dir=" + A_FILE), "run",
                        List.of(A_FILE + ": is a file, not a folder (bulkcall.input-dir)")),
                arguments(named("a log file that cannot be written is named with what to do, before anything is logged",
                        "--logging.file.name=" + A_FILE.resolve("bulkcall.log")), "status",
                        List.of("bulkcall: invalid setting logging.file.name=" + A_FILE.resolve("bulkcall.log") + ": "
                                + A_FILE + " is a file, not a folder; run bulkcall from the folder it works in (its data/, "
                                + "logs/ and output/ are there), or set logging.file.name to a file it can write")),
                arguments(named("a default time zone that is an abbreviation says why it is refused",
                        "--bulkcall.calling-window.default-time-zone=PST"), "status",
                        List.of("bulkcall: invalid setting bulkcall.calling-window.default-time-zone=PST: \"PST\" is an "
                                + "abbreviation, which does not say when daylight saving time applies; use an IANA id "
                                + "such as America/New_York or Europe/London")),
                arguments(named("a job id that is no number says what a job id is", "abc"), "restart",
                        List.of("'abc' is not a job id; `bulkcall status` lists the jobs")),
                arguments(named("a purge age without a unit is refused, not read as milliseconds", "--older-than=90"), "purge",
                        List.of("'90' has no unit, and would be read as 90 milliseconds; write 90s, 90m, 90h or 90d")),
                arguments(named("a duration setting without a unit is refused, not read as milliseconds",
                        "--bulkcall.poll.interval=30"), "status",
                        List.of("bulkcall: invalid setting bulkcall.poll.interval=30: '30' has no unit, and would be read "
                                + "as 30 milliseconds; write 30s, 30m, 30h or 30d")),
                arguments(named("a negative purge age is refused", "--older-than=-1d"), "purge",
                        List.of("'-1d' is negative; give how long ago, such as 90d, 12h or 30m")),
                arguments(named("a profile a letter from the sandbox's is a typo, not a run against Cartesia",
                        "--spring.profiles.active=sandbx"), "run",
                        List.of("bulkcall: invalid setting spring.profiles.active=sandbx: no such profile; did you mean sandbox?")),
                arguments(named("calling hours too short to dial in name the setting and the minimum",
                        "--bulkcall.calling-window.hours=09:00-09:10"), "run",
                        List.of("bulkcall: invalid setting bulkcall.calling-window.hours=09:00-09:10: leaves no time to dial; "
                                + "a range needs at least 20m, the closing margin (5m) and 15m of dialing "
                                + "(ranges that touch count as one)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadSettingOrOptionIsAUsageErrorThatSaysWhatIsWrong(String setting, String command, List<String> message,
            CapturedOutput output) {
        // the command with the profile it runs under, if any: "--spring.profiles.active=sandbox status"
        int exitCode = workspace.run(Stream.concat(Arrays.stream(command.split(" ")), Stream.of(setting)).toArray(String[]::new));

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains(message);
        assertNoStackTrace(output);
    }

    @Test
    void aJobDatabaseOfAKindBulkcallDoesNotKeepJobsInIsNamedByItsSchemeAloneForItsUrlMayHoldAPassword(
            CapturedOutput output) {
        int exitCode = workspace.run("status", "--spring.datasource.url=jdbc:mysql://db.example:3306/bulkcall?password=hunter2");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall: invalid setting spring.datasource.url: jdbc:mysql: is no database "
                + "bulkcall keeps its jobs in; use H2 (jdbc:h2:file:./data/bulkcall) or PostgreSQL "
                + "(jdbc:postgresql://host:5432/bulkcall)");
        assertThat(output.getAll()).doesNotContain("hunter2");
        assertNoStackTrace(output);
    }

    @Test
    void aSandboxSettingWithoutTheSandboxProfileIsSaidToBeIgnored(CapturedOutput output) {
        int exitCode = workspace.run("status", "--bulkcall.sandbox.start=2026-11-29T12:00:00Z");

        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("bulkcall.sandbox.start set, but the sandbox profile is off: ignored; this "
                + "command works against Cartesia itself (--spring.profiles.active=sandbox for the sandbox)");
    }

    @Test
    void aDurationTheSettingsFileGivesAsANumberIsRefusedWhereverItIs(CapturedOutput output) throws Exception {
        // given: YAML reads 15 as a number, not as text
        Path settings = Files.writeString(workspace.root().resolve("application.yml"),
                "bulkcall:\n  redial:\n    delay-after:\n      dial_busy: 15\n");

        // when
        int exitCode = workspace.run("status", "--spring.config.additional-location=file:" + settings);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall: invalid setting bulkcall.redial.delay-after.dial_busy=15: "
                + "'15' has no unit, and would be read as 15 milliseconds; write 15s, 15m, 15h or 15d");
        assertNoStackTrace(output);
    }

    @Test
    void aCartesiaVersionBulkcallDoesNotSpeakIsNamedWithTheTwoItDoesBeforeTheJobDatabaseOpens(CapturedOutput output) {
        int exitCode = workspace.run("run", "--bulkcall.cartesia.version=2026-09-01");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall: invalid setting bulkcall.cartesia.version=2026-09-01: must be "
                + "2026-03-01 (columns go to metadata, for a code-deployed agent) or 2026-08-14 (columns go to "
                + "dynamic_variables, for a managed agent's {{variables}})");
        assertThat(workspace.database().resolveSibling("bulkcall.mv.db")).doesNotExist();
        assertNoStackTrace(output);
    }

    @Test
    void aMisspeltSettingStopsTheRunNamingTheNearestOneBeforeTheJobDatabaseOpens(CapturedOutput output) {
        int exitCode = workspace.run("run", "--bulkcall.redial.round=1");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr())
            .contains("bulkcall: invalid setting bulkcall.redial.round: unknown setting; did you mean bulkcall.redial.rounds?");
        assertThat(workspace.database().resolveSibling("bulkcall.mv.db")).doesNotExist();
    }

    @Test
    void anOldSettingNameStillWorksAndSaysItsNewName(CapturedOutput output) {
        // given every call failing, so that a redial round shows
        workspace.useSandbox(BulkcallWorkspaces.SANDBOX.with(sandbox -> sandbox.failureRate = 1));
        workspace.drop("numbers.csv", "to_number\n+12125550143\n");

        // when
        int exitCode = workspace.run("run", "--bulkcall.retry.max-attempts=1");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("bulkcall.retry.max-attempts is now called bulkcall.redial.rounds; the old name works for now");
        assertThat(CsvFiles.records(workspace.reports(1, "numbers").resolve("results.csv")))
            .singleElement()
            .satisfies(row -> assertThat(row.get("attempts")).isEqualTo("2"));
    }

    @Test
    void anOldAndANewNameOfOneSettingWithTwoValuesStopTheRun(CapturedOutput output) {
        int exitCode = workspace.run("run", "--bulkcall.retry.max-attempts=1", "--bulkcall.redial.rounds=2");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall.retry.max-attempts=1 and bulkcall.redial.rounds=2 set one setting "
                + "(its old and its new name) to two values; keep bulkcall.redial.rounds only");
    }

    @Test
    void anOutcomeThatIsNoneIsNamedWithTheOutcomes(CapturedOutput output) {
        int exitCode = workspace.run("run", "--bulkcall.redial.outcomes=dial_busy,busy");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall.redial.outcomes=dial_busy,busy: busy is no outcome; the outcomes are "
                + "dial_no_answer, dial_busy, dial_failed, error, agent_hangup");
    }

    @Test
    void everyBadSettingIsNamedInOneLine(CapturedOutput output) {
        int exitCode = workspace.run("run", "--bulkcall.agent-id=", "--bulkcall.batch.size=1001",
                "--bulkcall.cartesia.api-key=");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr().lines().filter(line -> line.startsWith("bulkcall: invalid setting"))).singleElement()
            .asString()
            .contains("bulkcall.agent-id=: must not be blank", "bulkcall.batch.size=1001: must be less than or equal to 1000",
                    "CARTESIA_API_KEY is not set");
    }

    @Test
    void aTimeoutOrPollIntervalOfNoTimeAndANegativeWaitStopTheRunBeforeTheJobDatabaseOpens(CapturedOutput output) {
        // given: values that once ended the run with exit 1 (one at start-up, one in a job at its first request),
        // or polled Cartesia without a pause
        workspace.drop("numbers.csv", "to_number\n+12125550143\n");

        // when
        int exitCode = workspace.run("run", "--bulkcall.cartesia.connect-timeout=0s",
                "--bulkcall.cartesia.response-timeout=-1s", "--bulkcall.poll.interval=0s", "--bulkcall.redial.delay=-15m",
                "--bulkcall.redial.delay-after.dial_busy=-10m", "--bulkcall.input-quiet-period=-5s");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr().lines().filter(line -> line.startsWith("bulkcall: invalid setting"))).singleElement()
            .asString()
            .contains("bulkcall.cartesia.connect-timeout=0s: must be longer than 0s",
                    "bulkcall.cartesia.response-timeout=-1s: must be longer than 0s",
                    "bulkcall.poll.interval=0s: must be longer than 0s", "bulkcall.redial.delay=-15m: must not be negative",
                    "bulkcall.redial.delay-after.dial_busy=-10m: must not be negative",
                    "bulkcall.input-quiet-period=-5s: must not be negative");
        assertThat(workspace.database().resolveSibling("bulkcall.mv.db")).doesNotExist();
        assertNoStackTrace(output);
    }

    @Test
    void aBadSettingFromASettingsFileOrAJavaSystemPropertyIsNamedWithWhereItWasSet(CapturedOutput output)
            throws IOException {
        // given: bad values in a settings file Spring Boot reads, in a system property, and on the command line
        Path settings = Files.writeString(workspace.root().resolve("bulkcall.yml"), "bulkcall:\n  batch:\n    size: 5000\n");
        System.setProperty("bulkcall.redial.rounds", "-1");
        int exitCode;
        try {
            // when
            exitCode = workspace.run("validate", A_FILE.toString(), "--spring.config.additional-location=file:" + settings,
                    "--bulkcall.poll.interval=0s");
        }
        finally {
            System.clearProperty("bulkcall.redial.rounds");
        }

        // then: where each was set, but for the command line's, which the operator has in front of them
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr().lines().filter(line -> line.startsWith("bulkcall: invalid setting"))).singleElement()
            .asString()
            .contains("bulkcall.batch.size=5000: must be less than or equal to 1000 (" + settings + ", line 3)",
                    "bulkcall.redial.rounds=-1: must be greater than or equal to 0 (Java system property -Dbulkcall.redial.rounds)",
                    "bulkcall.poll.interval=0s: must be longer than 0s")
            .doesNotContain("must be longer than 0s (");
        assertNoStackTrace(output);
    }

    @Test
    void validateNeedsNothingToDialWith(CapturedOutput output) {
        workspace.drop("numbers.csv", "to_number\n+12125550143\n");

        int exitCode = workspace.run("validate", workspace.input().resolve("numbers.csv").toString(),
                "--bulkcall.agent-id=", "--bulkcall.from-number-id=", "--bulkcall.cartesia.api-key=");

        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("numbers.csv: 1 row, 1 valid, 0 rejected");
    }

    @Test
    void anUnknownJobIsAUsageError(CapturedOutput output) {
        int restartExit = workspace.run("restart", "42");
        int statusExit = workspace.run("status", "42");
        int cancelExit = workspace.run("cancel", "42");

        assertThat(restartExit).isEqualTo(2);
        assertThat(statusExit).isEqualTo(2);
        assertThat(cancelExit).isEqualTo(2);
        assertThat(output.getErr()).contains("there is no job 42; `bulkcall status` lists the jobs");
    }

    @Test
    void theApiKeyAppearsInNoOutputOrFile(CapturedOutput output) throws Exception {
        workspace.drop("numbers.csv", "to_number\n+12125550143\n+12125550178\n");
        workspace.run("run", "--logging.level.root=DEBUG");

        assertThat(output.getAll()).doesNotContain(TestKeys.API_KEY);
        for (Path file : workspace.allFiles()) {
            // ISO-8859-1 reads any bytes, binary database pages included
            assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                .doesNotContain(TestKeys.API_KEY);
        }
    }

    private static void assertNoStackTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception in thread");
    }
}
