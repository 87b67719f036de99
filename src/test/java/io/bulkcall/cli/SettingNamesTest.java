package io.bulkcall.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name under {@code bulkcall.} is a setting, as Spring's relaxed binding reads it from the command line
 * or the environment, or it is a mistake named with the nearest setting.
 */
class SettingNamesTest {

    private final SettingNames names = SettingNames.described();

    @Test
    void aMisspeltSettingIsNamedWithTheNearestOne() {
        assertThat(names.unknownIn(environment(Map.of("bulkcall.redial.round", "1"))))
            .containsExactly("bulkcall.redial.round: unknown setting; did you mean bulkcall.redial.rounds?");
    }

    @Test
    void aNameFarFromEverySettingGetsNoGuess() {
        assertThat(names.unknownIn(environment(Map.of("bulkcall.frobnicate-the-widgets", "yes"))))
            .containsExactly("bulkcall.frobnicate-the-widgets: unknown setting; README.md lists the settings");
    }

    @Test
    void settingsWrittenAsTheReadmeWritesThemAreKnownInEveryForm() {
        assertThat(names.unknownIn(environment(Map.of("bulkcall.agent-id", "a", "bulkcall.calling-window.hours",
                "18:00-19:00", "bulkcall.redial.delay-after.dial_busy", "10m", "bulkcall.columns.not-sent", "note",
                "bulkcall.sandbox.failure-rate", "0.2", "bulkcall.retry.max-attempts", "1")))).isEmpty();
    }

    @Test
    void aNameThatRunsTwoPartsIntoOneIsUnknown() {
        // a dash where the setting has a dot binds nothing: the run would go on with the default
        assertThat(names.unknownIn(environment(Map.of("bulkcall.calling-window-hours", "18:00-19:00"))))
            .containsExactly("bulkcall.calling-window-hours: unknown setting; did you mean bulkcall.calling-window.hours?");
    }

    @Test
    void aSettingInCamelCaseOrWithUnderscoresIsKnown() {
        assertThat(names.unknownIn(environment(Map.of("bulkcall.callingWindow.hours", "18:00-19:00",
                "bulkcall.redial.delay_after.dial_busy", "10m", "bulkcall.columns.not_sent[0]", "note")))).isEmpty();
    }

    @Test
    void anEnvironmentVariableMayWriteADashAsAnUnderscoreOrLeaveItOut() {
        assertThat(names.unknownIn(variables(Map.of("BULKCALL_CALLING_WINDOW_HOURS", "18:00-19:00",
                "BULKCALL_CONTACTPOLICY_MAXDIALS", "2", "BULKCALL_COLUMNS_NOT_SENT_0", "note")))).isEmpty();
    }

    @Test
    void anEnvironmentVariableThatRunsTwoPartsIntoOneIsUnknown() {
        assertThat(names.unknownIn(variables(Map.of("BULKCALL_CALLINGWINDOWHOURS", "18:00-19:00"))))
            .containsExactly("bulkcall.callingwindowhours: unknown setting; did you mean bulkcall.calling-window.hours?");
    }

    @Test
    void environmentVariablesOfTheReadmesSetupsAreKnown() {
        // the variables of the README's systemd unit and several-nodes setup
        assertThat(names.unknownIn(variables(Map.of("BULKCALL_AGENT_ID", "agent_1", "BULKCALL_FROM_NUMBER_ID", "ap_1",
                "BULKCALL_DB_URL", "jdbc:x", "BULKCALL_DB_USER", "bulkcall", "BULKCALL_DB_PASSWORD", "p",
                "BULKCALL_INPUT_DIR", "/in", "BULKCALL_OUTPUT_DIR", "/out", "BULKCALL_REDIAL_DELAYAFTER_DIALBUSY", "10m"))))
            .isEmpty();
    }

    @Test
    void aMapKeyOfTwoWordsInAnEnvironmentVariableBindsNothingAndIsNamedWithTheVariableThatWould() {
        // Spring Boot binds neither, and says nothing: the run would redial a busy line after the default wait
        assertThat(names.unknownIn(variables(Map.of("BULKCALL_REDIAL_DELAYAFTER_DIAL_BUSY", "10m",
                "BULKCALL_REDIAL_DELAY_AFTER_DIAL_NO_ANSWER", "2h")))).containsExactlyInAnyOrder(
                        "bulkcall.redial.delayafter.dial.busy: binds nothing; an environment variable gives a key of "
                                + "bulkcall.redial.delay-after in one word: BULKCALL_REDIAL_DELAYAFTER_DIALBUSY",
                        "bulkcall.redial.delay.after.dial.no.answer: binds nothing; an environment variable gives a key of "
                                + "bulkcall.redial.delay-after in one word: BULKCALL_REDIAL_DELAYAFTER_DIALNOANSWER");
    }

    @Test
    void aMisspeltEnvironmentVariableIsNamedToo() {
        assertThat(names.unknownIn(variables(Map.of("BULKCALL_REDIAL_ROUND", "1"))))
            .containsExactly("bulkcall.redial.round: unknown setting; did you mean bulkcall.redial.rounds?");
    }

    @Test
    void aProfileALetterFromBulkcallsOwnIsATypoOfIt() {
        assertThat(SettingNames.mistypedProfilesIn(profiles("Sandbox", "postgre")))
            .containsExactly("spring.profiles.active=Sandbox: no such profile; did you mean sandbox?",
                    "spring.profiles.active=postgre: no such profile; did you mean postgres?");
    }

    @Test
    void bulkcallsProfilesAndProfilesFarFromThemAreTheOperators() {
        assertThat(SettingNames.mistypedProfilesIn(profiles("sandbox", "postgres", "nightly", "prod"))).isEmpty();
    }

    @Test
    void aProfileWithAFileOfItsOwnIsNoTypo() {
        // given a profile close to sandbox, configured by its own file beside the jar
        StandardEnvironment environment = profiles("sandbox2");
        environment.getPropertySources().addLast(new MapPropertySource(
                "Config resource 'file [application-sandbox2.yml]' via location 'optional:file:./'", Map.of()));

        // then
        assertThat(SettingNames.mistypedProfilesIn(environment)).isEmpty();
    }

    private static StandardEnvironment profiles(String... active) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(active);
        return environment;
    }

    private static StandardEnvironment variables(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment", variables));
        return environment;
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", settings));
        return environment;
    }
}
