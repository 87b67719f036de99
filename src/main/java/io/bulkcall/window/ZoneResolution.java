package io.bulkcall.window;

/**
 * What {@link RecipientZoneResolver} made of a recipient: the zones its calls wait for, or why it has
 * no calling window at all (rejection reason {@code NO_CALLING_WINDOW}).
 */
public sealed interface ZoneResolution permits ZoneResolution.Found, ZoneResolution.NoCallingWindow {

    /** @param zones the zones the window must be open in before the recipient is called */
    record Found(Zones zones) implements ZoneResolution {
    }

    /** @param detail what is wrong, in words an operator can act on */
    record NoCallingWindow(String detail) implements ZoneResolution {
    }
}
