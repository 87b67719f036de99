package io.bulkcall.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ZonesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void keysTheZonesInAlphabeticalOrderJoinedByABar() {
        assertThat(Zones.of(NEW_YORK, CHICAGO, NEW_YORK).key()).isEqualTo("America/Chicago|America/New_York");
    }

    @Test
    void readsItsKeyBack() {
        Zones zones = Zones.of(NEW_YORK, CHICAGO);

        assertThat(Zones.parse(zones.key())).isEqualTo(zones);
        assertThat(Zones.parse("America/New_York").ids()).containsExactly(NEW_YORK);
    }

    @Test
    void isTheSameSetWhateverTheOrderTheZonesCameIn() {
        assertThat(Zones.of(NEW_YORK, CHICAGO)).isEqualTo(Zones.of(CHICAGO, NEW_YORK)).hasSameHashCodeAs(Zones.of(CHICAGO, NEW_YORK));
        assertThat(Zones.of(NEW_YORK, CHICAGO).size()).isEqualTo(2);
    }

    @Test
    void refusesAKeyWithAPartThatIsNoZone() {
        assertThatThrownBy(() -> Zones.parse("America/Chicago|Mars/Base"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("\"Mars/Base\" is not a time zone");
        assertThatThrownBy(() -> Zones.parse("America/Chicago|"))
            .hasMessage("\"\" is not a time zone");
    }

    @Test
    void holdsAtLeastOneZone() {
        assertThatThrownBy(Zones::of).isInstanceOf(IllegalArgumentException.class);
    }
}
