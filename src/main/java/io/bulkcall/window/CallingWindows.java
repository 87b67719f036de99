package io.bulkcall.window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calling window as the job applies it to its groups of recipients (recipients whose windows are
 * worked out in the same zones, {@link Zones#key()}): when a group's batches are created and start
 * dialing, and when its queued calls are cancelled. Recipients staged with windows off, and every
 * recipient once {@code bulkcall.calling-window.enabled} is off, are dialed at once and never cancelled
 * for a window.
 * <ul>
 * <li>A group is dialed in the first opening of its window, at or after now and after the
 * {@code scheduled-at} setting, that leaves at least {@link #MINIMUM_DIALING} before the closing margin.</li>
 * <li>Its batches are created {@link #CREATE_AHEAD} before that opening, with {@code scheduled_at} at the
 * opening, or at once inside it: never further ahead, so that little is left queued at Cartesia should
 * bulkcall be killed while it waits.</li>
 * </ul>
 * Immutable and thread-safe; schedules are cached per group.
 */
public final class CallingWindows {

    /** How long before an opening its batches are created, with {@code scheduled_at} at the opening. */
    public static final Duration CREATE_AHEAD = Duration.ofMinutes(2);

    /** The least dialing time worth creating batches for; with less left, the group waits for its next opening. */
    public static final Duration MINIMUM_DIALING = Duration.ofMinutes(15);

    /** Closer to an opening than this, a {@code scheduled_at} might reach Cartesia in the past: wait for the opening. */
    private static final Duration MINIMUM_SCHEDULE_AHEAD = Duration.ofSeconds(30);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final CallingWindowSettings settings;
    private final CallingWindowPolicy policy;
    private final Instant notBefore;
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();

    /**
     * @param notBefore no batch dials before this ({@code bulkcall.batch.scheduled-at}), {@code null} for no such limit
     */
    public CallingWindows(CallingWindowSettings settings, Instant notBefore) {
        this.settings = settings;
        this.policy = CallingWindowPolicy.of(settings);
        this.notBefore = notBefore;
    }

    /** How long before a window ends its queued calls are cancelled. */
    public Duration closingMargin() {
        return settings.closingMargin();
    }

    /** When the queued calls of a batch dialing in a window that ends then are cancelled. */
    public Instant cancelAt(Instant windowEnd) {
        return windowEnd.minus(settings.closingMargin());
    }

    /**
     * When a group waiting at {@code now} is dialed; empty when its window has no opening long
     * enough within {@link Schedule#HORIZON}.
     *
     * @param zones the group's {@code Zones} key, {@code null} for recipients staged with windows off
     */
    public Optional<Dispatch> dispatch(String zones, Instant now) {
        Instant earliest = notBefore != null && notBefore.isAfter(now) ? notBefore : now;
        if (zones == null || !settings.enabled()) {
            return Optional.of(new Dispatch(now, earliest.equals(now) ? null : earliest, null));
        }
        return schedule(zones).openings(earliest)
            .filter(opening -> !cancelAt(opening.end()).isBefore(later(opening.start(), earliest).plus(MINIMUM_DIALING)))
            .findFirst()
            .map(opening -> {
                Instant start = later(opening.start(), earliest);
                if (!start.isAfter(now)) {
                    return new Dispatch(now, null, opening.end());
                }
                if (Duration.between(now, start).compareTo(MINIMUM_SCHEDULE_AHEAD) < 0) {
                    return new Dispatch(start, null, opening.end());
                }
                return new Dispatch(later(now, start.minus(CREATE_AHEAD)), start, opening.end());
            });
    }

    /** An instant in a group's local time, for a log line: {@code Fri 09:00 America/New_York}. */
    public String local(Instant instant, String zones) {
        return localTime(instant, zones) + " " + zoneOf(zones).getId();
    }

    /**
     * An instant as the group's clocks show it, for a log line that names the group already:
     * {@code Fri 09:00}; in the first of its zones when it has several.
     */
    public String localTime(Instant instant, String zones) {
        return LOCAL.format(instant.atZone(zoneOf(zones)));
    }

    private static ZoneId zoneOf(String zones) {
        return zones == null ? ZoneId.of("UTC") : Zones.parse(zones).ids().get(0);
    }

    private Schedule schedule(String zones) {
        return schedules.computeIfAbsent(zones, key -> policy.schedule(Zones.parse(key)));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
