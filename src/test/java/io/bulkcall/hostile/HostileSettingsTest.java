package io.bulkcall.hostile;

import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxEndpoint;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.SecretScan;
import io.bulkcall.testing.TestKeys;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.bulkcall.hostile.HostileInputTest.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Settings pasted with something around or inside them stop the run at start-up, before any file is
 * read, in one console line that names the setting: an API key with a character no key has (the
 * key itself never shown, in the console or any file), a value with a line break in it. A secret given
 * on the command line, where every user of the machine can read it, works with a line that says where
 * it belongs.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class HostileSettingsTest {

    private Workspace workspace;

    @BeforeEach
    void dropNumbers(Workspace workspace) {
        this.workspace = workspace;
        workspace.drop("numbers.csv", CsvFiles.numbers(5));
    }

    static Stream<Named<String>> pastedKeys() {
        String head = TestKeys.API_KEY.substring(0, 12);
        String tail = TestKeys.API_KEY.substring(12);
        return Stream.of(named("a line break inside", head + "\n" + tail), named("a space inside", head + " " + tail),
                named("an ellipsis after", TestKeys.API_KEY + "\u2026"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastedKeys")
    void aKeyWithACharacterNoKeyHasStopsTheRunNamingTheVariableNotTheKey(String key, CapturedOutput output) {
        // when
        int exitCode = workspace.withVariable("CARTESIA_API_KEY", key).run("run");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr().lines().filter(line -> line.contains("CARTESIA_API_KEY"))).singleElement()
            .isEqualTo("bulkcall: invalid setting CARTESIA_API_KEY holds a space, line break or non-ASCII character; "
                    + "set it to the key alone, as Cartesia shows it");
        assertThat(output.getAll()).doesNotContain(TestKeys.API_KEY.substring(12));
        assertNoStackTrace(output);
        assertThat(workspace.sandbox().requests(SandboxEndpoint.CREATE_BATCH)).isZero();
    }

    static Stream<Arguments> secretsOnTheCommandLine() {
        return Stream.of(arguments("--bulkcall.cartesia.api-key=" + TestKeys.API_KEY, "CARTESIA_API_KEY", "run"),
                arguments("--spring.datasource.password=s3cret-Passw0rd", "BULKCALL_DB_PASSWORD", "status"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("secretsOnTheCommandLine")
    void aSecretOnTheCommandLineWorksWithALineThatSaysWhereItBelongs(String setting, String variable, String command,
            CapturedOutput output) {
        // when: given on the command line alone
        int exitCode = workspace.withVariable("CARTESIA_API_KEY", "").run(command, setting);

        // then
        String option = setting.substring(0, setting.indexOf('='));
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).containsOnlyOnce(" WARN  " + option + " puts a secret on the command line, where "
                + "every user of this machine can read it while bulkcall runs (ps) and the shell keeps it in its "
                + "history; set " + variable + " in the environment instead");
        assertThat(output.getAll()).doesNotContain(setting.substring(setting.indexOf('=') + 1));
    }

    @Test
    void anEmptySecretOnTheCommandLineIsNoSecret(CapturedOutput output) {
        // when: the key set empty on the command line, as a test of a missing key does
        workspace.run("status", "--bulkcall.cartesia.api-key=");

        // then
        assertThat(output.getErr()).doesNotContain("puts a secret on the command line");
    }

    @Test
    void aBadSettingBesideTheKeyIsNamedAndTheKeyIsNowhere(CapturedOutput output) {
        // when: a bad value in the settings group that holds the key, logging all it can
        int exitCode = workspace.run("run", "--bulkcall.cartesia.max-attempts=0", "--logging.level.root=DEBUG",
                "--logging.level.io.bulkcall=TRACE");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("bulkcall: invalid setting bulkcall.cartesia.max-attempts=0");
        assertThat(output.getAll()).doesNotContain(TestKeys.API_KEY);
        assertThat(new SecretScan(TestKeys.API_KEY).findIn(workspace.root())).isEmpty();
    }

    @Test
    void aSettingWithALineBreakInItsValueStillGetsOneLine(CapturedOutput output) {
        // when
        int exitCode = workspace.run("status", "--bulkcall.validation.default-region=U\nS");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr().lines().filter(line -> line.startsWith("bulkcall:"))).singleElement()
            .asString()
            .isEqualTo("bulkcall: invalid setting bulkcall.validation.default-region=U S: "
                    + "must be a two-letter region code such as US or GB");
        assertThat(output.getErr()).doesNotContain("U\nS");
        assertNoStackTrace(output);
    }
}
