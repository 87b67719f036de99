package io.bulkcall.window;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Lets the application's settings bind {@code bulkcall.calling-window.*} with its own converters and messages. */
@Configuration(proxyBeanMethods = false)
@Import({ DailyHoursConverter.class, WeekDaysConverter.class, IsoDateConverter.class })
public class CallingWindowConfiguration {
}
