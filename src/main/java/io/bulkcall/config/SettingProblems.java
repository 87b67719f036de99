package io.bulkcall.config;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;

import io.bulkcall.time.Durations;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.validation.FieldError;

/**
 * What a failed binding of settings says, in the words of {@code --name=value}: each property in
 * kebab-case with its value and rule, {@code bulkcall.batch.size=1001: must be less than or equal to 1000}.
 */
public final class SettingProblems {

    private SettingProblems() {
    }

    public static String describe(BindException failure) {
        BindValidationException invalid = find(failure, BindValidationException.class);
        if (invalid != null) {
            String prefix = invalid.getValidationErrors().getName().toString();
            return invalid.getValidationErrors()
                .getAllErrors()
                .stream()
                .map(error -> error instanceof FieldError field
                        ? prefix + "." + dashed(field.getField()) + "=" + written(field.getRejectedValue()) + ": "
                                + field.getDefaultMessage()
                        : prefix + ": " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        }
        Throwable cause = failure.getCause() == null ? failure : deepest(failure);
        String name = writtenName(failure);
        if (failure.getProperty() != null) {
            String value = String.valueOf(failure.getProperty().getValue());
            Class<?> type = failure.getTarget().getType().resolve(Object.class);
            if (type == Duration.class) {
                return name + "=" + value + ": '" + value.strip() + "' is not a duration such as 500ms, 30s, 15m, 2h or 7d";
            }
            if (cause instanceof NumberFormatException) {
                return name + "=" + value + ": " + notANumber(value.strip(), type);
            }
            if (cause instanceof DateTimeParseException && notATime(type) != null) {
                return name + "=" + value + ": '" + value.strip() + "' is not " + notATime(type);
            }
        }
        return name + (failure.getProperty() == null ? "" : "=" + failure.getProperty().getValue()) + ": "
                + cause.getMessage();
    }

    /**
     * The property as its source writes it, where that is the name Spring reports in another form: a
     * map's key keeps its underscore ({@code delay-after.dial_busy}, which Spring's uniform name writes
     * {@code delay-after.dialbusy}). An environment variable's value keeps Spring's name; the error line
     * names the variable after it.
     */
    private static String writtenName(BindException failure) {
        if (failure.getProperty() != null && failure.getProperty().getOrigin() instanceof PropertySourceOrigin origin
                && ConfigurationPropertyName.adapt(origin.getPropertyName(), '.').equals(failure.getName())) {
            return origin.getPropertyName();
        }
        return failure.getName().toString();
    }

    /** What a date and time of this type looks like, for a value that is none; {@code null} for other types. */
    private static String notATime(Class<?> type) {
        return type == OffsetDateTime.class ? "a date and time with its offset (RFC 3339), such as 2026-12-07T09:00:00-05:00"
                : type == Instant.class ? "a date and time in UTC, such as 2026-11-29T12:00:00Z" : null;
    }

    /** What {@link NumberFormatException} says as {@code For input string: "1.5"}, in an operator's words. */
    private static String notANumber(String value, Class<?> type) {
        long max = type == int.class || type == Integer.class ? Integer.MAX_VALUE
                : type == long.class || type == Long.class ? Long.MAX_VALUE : 0;
        if (max == 0) {
            return "'%s' is not a number".formatted(value);
        }
        if (!value.matches("[-+]?\\d+")) {
            return "'%s' is not a whole number".formatted(value);
        }
        return value.startsWith("-")
                ? "'%s' is below the smallest whole number this setting holds (%d)".formatted(value, -max - 1)
                : "'%s' is above the largest whole number this setting holds (%d)".formatted(value, max);
    }

    /**
     * One broken rule of a settings record bound from {@code prefix}, named as the property is written:
     * a value of a map by its key ({@code bulkcall.redial.delay-after.dial_busy}).
     */
    public static String describe(String prefix, ConstraintViolation<?> violation) {
        String path = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
            .map(node -> node.getKind() == ElementKind.CONTAINER_ELEMENT ? String.valueOf(node.getKey()) : dashed(node.getName()))
            .collect(Collectors.joining("."));
        Object value = violation.getInvalidValue();
        return prefix + "." + path + "=" + (value == null ? "" : written(value)) + ": " + violation.getMessage();
    }

    /** A bound value as settings write it: a duration as {@code 2s}, not {@code PT2S}. */
    private static Object written(Object value) {
        return value instanceof Duration duration ? Durations.setting(duration) : value;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static Throwable deepest(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return deepest;
    }

    /** Binding reports {@code batch.size} style field paths in camelCase; settings are written kebab-case. */
    private static String dashed(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
