package io.bulkcall.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The knobs of a sandbox are checked when they are set, not when a request trips over them, by the
 * same rules whether a test changes them or the {@code sandbox} profile binds them.
 */
class SandboxSettingsTest {

    private final SandboxSettings defaults = SandboxSettings.defaults();

    @Test
    void rejectsAProbabilityOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.with(sandbox -> sandbox.failureRate = 1.1))
                .withMessage("failureRate must be less than or equal to 1.0: 1.1");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.with(sandbox -> sandbox.faultRate = -0.1))
                .withMessageStartingWith("faultRate");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.with(sandbox -> sandbox.lostResponseRate = Double.NaN))
                .withMessageStartingWith("lostResponseRate");
    }

    @Test
    void rejectsANegativeDuration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.with(sandbox -> sandbox.ringDuration = Duration.ofMillis(-1)))
                .withMessageStartingWith("ringDuration");
    }

    @Test
    void rejectsAnOrganizationWithoutConcurrency() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.with(sandbox -> sandbox.orgConcurrencyLimit = 0))
                .withMessageStartingWith("orgConcurrencyLimit");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.with(sandbox -> sandbox.port = 65536))
                .withMessageStartingWith("port");
    }

    @Test
    void namesEveryKnobThatBreaksItsRule() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.with(sandbox -> {
                    sandbox.port = -1;
                    sandbox.callDuration = null;
                }))
                .withMessage("callDuration must not be null: null; port must be greater than or equal to 0: -1");
    }

    @Test
    void changingAKnobLeavesTheOthersAndTheOriginalAsTheyWere() {
        // when
        SandboxSettings changed = defaults.with(sandbox -> sandbox.seed = 7);

        // then
        assertThat(changed.seed()).isEqualTo(7);
        assertThat(changed.with(sandbox -> sandbox.seed = defaults.seed())).isEqualTo(defaults);
        assertThat(defaults.seed()).isEqualTo(42);
    }

    @Test
    void emptyIdsAreUnsetOnesAndAcceptAny() {
        // when
        SandboxSettings empty = defaults.with(sandbox -> {
            sandbox.agentId = "";
            sandbox.fromNumberId = " ";
        });

        // then
        assertThat(empty).isEqualTo(defaults.with(sandbox -> {
            sandbox.agentId = null;
            sandbox.fromNumberId = null;
        }));
        assertThat(empty.acceptsAgent("agent_other")).isTrue();
        assertThat(empty.acceptsFromNumber("ap_other")).isTrue();
    }

    @Test
    void defaultTargetConcurrencyLimitIsHalfTheOrganizationsRoundedDownButAtLeastOne() {
        assertThat(defaults.with(sandbox -> sandbox.orgConcurrencyLimit = 9).defaultTargetConcurrencyLimit())
                .isEqualTo(4);
        assertThat(defaults.with(sandbox -> sandbox.orgConcurrencyLimit = 1).defaultTargetConcurrencyLimit())
                .isEqualTo(1);
    }
}
