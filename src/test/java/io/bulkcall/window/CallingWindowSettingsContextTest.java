package io.bulkcall.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.validation.annotation.Validated;

import io.bulkcall.config.SettingProblems;

/**
 * The converters registered in an application context the way the application will: imported as
 * beans, found by their {@code @ConfigurationPropertiesBinding}, for settings nested as
 * {@code bulkcall.calling-window}.
 */
class CallingWindowSettingsContextTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withUserConfiguration(WindowConfiguration.class);

    @Test
    void bindsTheNestedSettingsThroughTheImportedConverters() {
        context.withPropertyValues("bulkcall.calling-window.hours=08:00-12:00,13:00-21:00",
                "bulkcall.calling-window.days=mon-fri", "bulkcall.calling-window.closed-dates=2026-12-25,2026-12-26")
            .run(started -> {
                CallingWindowSettings settings = started.getBean(Settings.class).callingWindow();
                assertThat(settings.hours()).hasToString("08:00-12:00,13:00-21:00");
                assertThat(settings.days()).hasToString("MON,TUE,WED,THU,FRI");
                assertThat(settings.closedDates()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
            });
    }

    @Test
    void failsToStartWithTheConvertersMessage() {
        context.withPropertyValues("bulkcall.calling-window.hours=20:00-09:00").run(started -> {
            assertThat(SettingProblems.describe(find(started.getStartupFailure()))).isEqualTo("bulkcall.calling-window.hours=20:00-09:00: "
                    + "20:00-09:00 does not end after it starts; write a window across midnight as two ranges, such as 20:00-24:00,00:00-06:00");
        });
    }

    private static BindException find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        throw new AssertionError("no BindException in " + failure);
    }

    @Validated
    @ConfigurationProperties("bulkcall")
    record Settings(@DefaultValue @Valid CallingWindowSettings callingWindow) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    @Import({ DailyHoursConverter.class, WeekDaysConverter.class, IsoDateConverter.class })
    static class WindowConfiguration {
    }
}
