package io.bulkcall.window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.bulkcall.time.Durations;

/**
 * Finds the zones a recipient's calls wait for, or why the recipient has no calling window.
 *
 * <ol>
 * <li>A non-empty {@code time_zone} cell wins over the number; it must be a zone id
 * ({@link ZoneId#of(String)}: an IANA id such as {@code Europe/London}, or an offset).</li>
 * <li>Otherwise the zones come from the number, as libphonenumber's
 * {@link PhoneNumberToTimeZonesMapper#getTimeZonesForNumber} finds them: one for most numbers, several
 * where the number allows more (8 for an Australian mobile, 42 for a US toll-free number). Where it
 * cannot tell (it answers {@code Etc/Unknown}), the default zone stands in, if one is set.</li>
 * <li>The window must leave calling time in them: within a {@linkplain Schedule#HORIZON year} of the
 * instant the resolver was made for, an opening that leaves, before its closing margin, at least the
 * {@linkplain CallingWindows#MINIMUM_DIALING least dialing time} for a recipient in one zone, and at
 * least {@linkplain #MINIMUM_CALLING_TIME an hour} shared by all of them for a recipient in several.</li>
 * </ol>
 *
 * <p>The mapper works out the number's type, to tell a geographical number (looked up by its
 * digits in its prefix map) from another (the zones of its whole country), which the number check has
 * done already: so the resolver is given the type, and looks the number up in the mapper's prefix map
 * as {@link TimeZonePrefixes} holds it, where the zones of each prefix are worked out once. Whether each
 * set of zones shares calling time is worked out once and cached.
 *
 * <p>Made once per file validation, for the instant it starts. Thread-safe: rows are resolved on
 * several threads at once.
 */
public final class RecipientZoneResolver {

    /**
     * The least calling time the zones of a recipient in several must share in an opening, beyond the
     * closing margin. Less would let nearly anything through: the 42 zones of a US toll-free number, Guam
     * to Pago Pago, share half an hour on winter weekdays (09:00-09:30 in Guam, 19:30-20:00 in St. John's).
     * A recipient in one zone needs only what any group needs to be dialed, {@link CallingWindows#MINIMUM_DIALING},
     * so that a window as short as an hour in the evening reaches everyone it can.
     */
    public static final Duration MINIMUM_CALLING_TIME = Duration.ofHours(1);

    private static final String UNKNOWN_ZONE = "its time zone cannot be told from the number; "
            + "give a time_zone or set bulkcall.calling-window.default-time-zone";

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    private final CallingWindowPolicy policy;

    private final Optional<Zones> defaultZones;

    private final Duration closingMargin;

    private final Duration sharedTimeNeeded;

    private final Duration dialingTimeNeeded;

    private final Instant now;

    private final Map<Zones, Boolean> sharesTime = new ConcurrentHashMap<>();

    /**
     * @param settings the calling window, its default zone and closing margin
     * @param now the instant from which the zones must share calling time
     */
    public RecipientZoneResolver(CallingWindowSettings settings, Instant now) {
        this.policy = CallingWindowPolicy.of(settings);
        this.defaultZones = Optional.ofNullable(settings.defaultTimeZone()).map(Zones::of);
        this.closingMargin = settings.closingMargin();
        this.sharedTimeNeeded = closingMargin.plus(MINIMUM_CALLING_TIME);
        this.dialingTimeNeeded = settings.leastDialableOpening();
        this.now = now;
    }

    /**
     * @param number a valid number
     * @param type its type, as libphonenumber's {@code getNumberType} gives it
     * @param timeZoneCell the row's {@code time_zone} cell; {@code null} or blank when there is none
     */
    public ZoneResolution resolve(PhoneNumber number, PhoneNumberType type, String timeZoneCell) {
        String cell = timeZoneCell == null ? "" : timeZoneCell.strip();
        if (!cell.isEmpty()) {
            ZoneId zone;
            try {
                zone = TimeZoneNames.parse(cell);
            }
            catch (IllegalArgumentException noZone) {
                return new ZoneResolution.NoCallingWindow("time_zone " + noZone.getMessage());
            }
            return withSharedTime(number, Zones.of(zone));
        }
        Optional<Zones> zones = zonesOf(number, type).or(() -> defaultZones);
        return zones.isPresent() ? withSharedTime(number, zones.get()) : new ZoneResolution.NoCallingWindow(UNKNOWN_ZONE);
    }

    // PhoneNumberToTimeZonesMapper.getTimeZonesForNumber, with the type given
    private Optional<Zones> zonesOf(PhoneNumber number, PhoneNumberType type) {
        if (type == PhoneNumberType.UNKNOWN) {
            return Optional.empty();
        }
        return phoneNumbers.isNumberGeographical(type, number.getCountryCode()) ? TimeZonePrefixes.GEOCODER.ofNumber(number)
                : TimeZonePrefixes.GEOCODER.ofCountry(number.getCountryCode());
    }

    private ZoneResolution withSharedTime(PhoneNumber number, Zones zones) {
        boolean shared = sharesTime.computeIfAbsent(zones, candidates -> policy.schedule(candidates)
            .hasOpeningOfAtLeast(candidates.size() > 1 ? sharedTimeNeeded : dialingTimeNeeded, now));
        return shared ? new ZoneResolution.Found(zones) : new ZoneResolution.NoCallingWindow(noSharedTime(number, zones));
    }

    private String noSharedTime(PhoneNumber number, Zones zones) {
        String written = phoneNumbers.format(number, PhoneNumberFormat.INTERNATIONAL);
        if (zones.size() > 1) {
            return written + ": its " + zones.size() + " possible time zones share no hour of " + policy.hours()
                    + "; give a time_zone";
        }
        return written + ": its time zone " + zones + " has no " + Durations.setting(CallingWindows.MINIMUM_DIALING)
                + " of " + policy.hours() + " beyond the closing margin (" + Durations.setting(closingMargin)
                + ") within a year; check bulkcall.calling-window";
    }

}
