/**
 * Calling windows: when each recipient may be called, in their own local time.
 *
 * <ul>
 * <li>{@link io.bulkcall.window.CallingWindowSettings} binds {@code bulkcall.calling-window.*}, with the
 * converters that read its values ({@link io.bulkcall.window.CallingWindowSettings#converters()}).</li>
 * <li>{@link io.bulkcall.window.CallingWindowPolicy} is the window itself (hours, days, closed dates);
 * its {@link io.bulkcall.window.Schedule} for a set of {@link io.bulkcall.window.Zones} gives the
 * {@link io.bulkcall.window.Opening}s when calling is allowed in every zone of the set.</li>
 * <li>{@link io.bulkcall.window.RecipientZoneResolver} finds a recipient's zones from the number or the
 * row's {@code time_zone} cell, or says why the recipient has no calling window.</li>
 * </ul>
 *
 * <p>Everything here is immutable and thread-safe, and reads time only from instants it is given.
 */
package io.bulkcall.window;
