package io.bulkcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The knobs of a sandbox are checked when they are set, not when a request trips over them. */
class SandboxSettingsTest {

    private final SandboxSettings defaults = SandboxSettings.defaults();

    @Test
    void rejectsAProbabilityOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFailureRate(1.1))
                .withMessage("failureRate must be between 0 and 1: 1.1");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFaults(-0.1, 0))
                .withMessageStartingWith("faultRate");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFaults(0, Double.NaN))
                .withMessageStartingWith("lostResponseRate");
    }

    @Test
    void rejectsANegativeDuration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.withDurations(Duration.ofMillis(-1), Duration.ZERO))
                .withMessageStartingWith("ringDuration");
    }

    @Test
    void rejectsAnOrganizationWithoutConcurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withOrgConcurrencyLimit(0))
                .withMessageStartingWith("orgConcurrencyLimit");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withPort(65536))
                .withMessageStartingWith("port");
    }

    @Test
    void defaultTargetConcurrencyLimitIsHalfTheOrganizationsRoundedDownButAtLeastOne() {
        assertThat(defaults.withOrgConcurrencyLimit(9).defaultTargetConcurrencyLimit()).isEqualTo(4);
        assertThat(defaults.withOrgConcurrencyLimit(1).defaultTargetConcurrencyLimit()).isEqualTo(1);
    }
}
