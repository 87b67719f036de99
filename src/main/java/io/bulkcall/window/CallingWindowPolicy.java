package io.bulkcall.window;

import java.time.LocalDate;
import java.util.Set;

/**
 * The calling window in local time, the same for every recipient: the hours of a day, the days of the
 * week and the dates without calls. Its {@link #schedule(Zones) schedule} for a set of zones turns it
 * into instants. Immutable and thread-safe.
 *
 * @param hours the hours of a calling day when calls are allowed
 * @param days the days of the week with calls
 * @param closedDates the dates without calls
 */
public record CallingWindowPolicy(DailyHours hours, WeekDays days, Set<LocalDate> closedDates) {

    public CallingWindowPolicy {
        closedDates = Set.copyOf(closedDates);
    }

    public static CallingWindowPolicy of(CallingWindowSettings settings) {
        return new CallingWindowPolicy(settings.hours(), settings.days(), Set.copyOf(settings.closedDates()));
    }

    /** When calls are allowed in every zone of {@code zones} at once. Cheap: it computes nothing ahead. */
    public Schedule schedule(Zones zones) {
        return new Schedule(this, zones);
    }

    /** Whether {@code date}, a local date, has calls at all. */
    public boolean isCallingDay(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !closedDates.contains(date);
    }
}
