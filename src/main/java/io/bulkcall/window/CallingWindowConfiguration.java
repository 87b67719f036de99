package io.bulkcall.window;

import java.time.ZoneId;
import java.util.Map;

import org.springframework.beans.factory.config.CustomEditorConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Lets the application's settings bind {@code bulkcall.calling-window.*} with its own converters,
 * editor and messages.
 */
@Configuration(proxyBeanMethods = false)
@Import({ DailyHoursConverter.class, WeekDaysConverter.class, IsoDateConverter.class })
public class CallingWindowConfiguration {

    /** Static: it registers the editor with the bean factory before any settings bean is bound. */
    @Bean
    static CustomEditorConfigurer timeZoneEditor() {
        CustomEditorConfigurer configurer = new CustomEditorConfigurer();
        configurer.setCustomEditors(Map.of(ZoneId.class, TimeZoneEditor.class));
        return configurer;
    }
}
