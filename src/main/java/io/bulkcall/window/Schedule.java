package io.bulkcall.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * When calls are allowed to a recipient in a set of zones: the instants when the window is open in
 * every zone of the set at once, honouring the days of the week and closed dates in each zone's own
 * calendar, and its daylight-saving changes.
 *
 * <p>An {@link Opening} is maximal: ranges that touch make one opening, across midnight too
 * ({@code 20:00-24:00} and the next day's {@code 00:00-06:00} open once, from 20:00 to 06:00).
 *
 * <p>A search looks {@link #HORIZON} ahead of the instant it starts from, and {@link #LOOKBACK} behind
 * it for the start of an opening already under way. An opening is cut to that span: one that began
 * more than a day before reports its start as a day before, one that runs on past the horizon reports
 * its end there. A set of zones that shares no time within the horizon has no opening at all.
 *
 * <p>Immutable and thread-safe. Nothing is computed ahead: each question walks the window from the
 * instant asked about, a few days' worth for an ordinary window, so asking on every poll is cheap.
 *
 * @param policy the window in local time
 * @param zones the zones it must be open in
 */
public record Schedule(CallingWindowPolicy policy, Zones zones) {

    /**
     * How far ahead a search looks: a year and a day, long enough for every closed date of a year and
     * for zones that share time only in part of the year, as their daylight-saving rules differ.
     */
    public static final Duration HORIZON = Duration.ofDays(366);

    /** How far back a search looks for the start of an opening under way. */
    public static final Duration LOOKBACK = Duration.ofDays(1);

    /**
     * The openings from {@code from} on, in order: the one under way at {@code from}, if any, then the
     * ones that start within {@link #HORIZON} of it. Lazy: only what is read is computed.
     */
    public Stream<Opening> openings(Instant from) {
        long until = from.plus(HORIZON).getEpochSecond();
        long since = from.minus(LOOKBACK).getEpochSecond();
        List<ZoneWindow> windows = zones.ids().stream().map(zone -> new ZoneWindow(policy, zone, since, until)).toList();
        OpeningSearch search = new OpeningSearch(windows, from.getEpochSecond());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(search,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    /**
     * The opening under way at {@code from} (then its start is at or before {@code from}), or else the
     * next one; empty when none starts within {@link #HORIZON}.
     */
    public Optional<Opening> openingAtOrAfter(Instant from) {
        return openings(from).findFirst();
    }

    /**
     * As {@link #openingAtOrAfter(Instant)}, but empty when the opening starts after {@code latestStart}:
     * for Cartesia's {@code scheduled_at}, which takes at most 30 days ahead.
     */
    public Optional<Opening> openingAtOrAfter(Instant from, Instant latestStart) {
        return openingAtOrAfter(from).filter(opening -> !opening.start().isAfter(latestStart));
    }

    public boolean isOpen(Instant instant) {
        return openingAtOrAfter(instant).filter(opening -> opening.contains(instant)).isPresent();
    }

    /**
     * Whether some opening within {@link #HORIZON} of {@code from} lasts at least {@code length} from
     * {@code from} on. A set of zones that shares no such time walks the whole horizon.
     */
    public boolean hasOpeningOfAtLeast(Duration length, Instant from) {
        return openings(from).anyMatch(opening -> Duration.between(later(opening.start(), from), opening.end())
            .compareTo(length) >= 0);
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
