package io.bulkcall.window;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;

/**
 * The calling window, {@code bulkcall.calling-window.*}: when recipients may be called, in each one's
 * local time. Nested in the application's settings; its values are read by the {@link #converters()},
 * which fail binding with a message naming the problem. Immutable and thread-safe.
 *
 * <p>{@code hours} and {@code days} are each one string ({@code days: MON,WED,FRI}); a YAML list is not
 * read as either, and binding then falls back to the default. {@code closed-dates} takes both forms.
 *
 * @param enabled whether calls wait for their recipients' window; off, every call is dialed at once
 * @param hours the hours of the day when calls are allowed, recipient-local: {@code HH:MM-HH:MM} ranges,
 *     comma-separated, {@code 00:00-24:00} for the whole day
 * @param days the days of the week when calls are allowed, recipient-local: {@code MON-FRI},
 *     {@code MON,WED,FRI}, {@code MON-SUN}, in any case
 * @param closedDates ISO dates without calls, recipient-local, such as public holidays; empty by default
 * @param defaultTimeZone the IANA zone of numbers whose zone cannot be told from the number; {@code null}
 *     when unset, and such numbers are rejected unless their row gives a {@code time_zone}. Read as a
 *     {@code time_zone} cell is ({@link #propertyEditors()})
 * @param closingMargin how long before a window ends its queued calls are cancelled, so that nothing is
 *     dispatched after the end; at least a minute
 */
public record CallingWindowSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("09:00-20:00") @NotNull DailyHours hours,
        @DefaultValue("MON-SAT") @NotNull WeekDays days,
        @DefaultValue List<LocalDate> closedDates,
        ZoneId defaultTimeZone,
        @DefaultValue("5m") @NotNull @DurationMin(minutes = 1, message = "must be at least 1m, time to cancel queued calls before a window ends") Duration closingMargin) {

    public CallingWindowSettings {
        closedDates = closedDates == null ? List.of() : List.copyOf(closedDates);
    }

    /**
     * The least time a window must stay open for calls to be dialed in it: the closing margin, and the
     * least dialing time a group of recipients is dialed for ({@link CallingWindows#MINIMUM_DIALING}).
     */
    public Duration leastDialableOpening() {
        return closingMargin.plus(CallingWindows.MINIMUM_DIALING);
    }

    /**
     * The converters that read these settings; Spring's defaults read the rest ({@code Duration},
     * {@code ZoneId}, lists). In an application context, register each as a bean: they carry
     * {@code @ConfigurationPropertiesBinding}, so {@code @Import} of the three classes will do.
     */
    public static List<Converter<String, ?>> converters() {
        return List.of(new DailyHoursConverter(), new WeekDaysConverter(), new IsoDateConverter());
    }

    /**
     * Registers the property editor that reads {@code default-time-zone} ({@link TimeZoneEditor}); in an
     * application context, {@link CallingWindowConfiguration} does.
     */
    public static Consumer<PropertyEditorRegistry> propertyEditors() {
        return registry -> registry.registerCustomEditor(ZoneId.class, new TimeZoneEditor());
    }

    /**
     * Spring Boot's conversion service with the {@link #converters()} added, for a {@code Binder} made
     * outside an application context: {@code new Binder(sources, placeholders, conversionService(),
     * propertyEditors())}.
     */
    public static ConversionService conversionService() {
        ApplicationConversionService conversion = new ApplicationConversionService();
        converters().forEach(conversion::addConverter);
        return conversion;
    }
}
