package io.bulkcall.job.store;

import java.time.Instant;

import io.bulkcall.job.store.LeaseRepository.Lease;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job's lease taken over only as it was seen expired, and the fence of what a process records once
 * another one holds its job.
 */
class LeaseRepositoryTest {

    private static final Instant LONG_AGO = Instant.parse("2026-12-01T00:00:00Z");

    private final LeaseRepository leases = new LeaseRepository(JdbcClient.create(new MigratedJobDatabase().dataSource()));

    @Test
    void aLeaseWhoseOwnerBeatSinceItWasSeenExpiredIsNotRemoved() {
        // given: a lease seen long expired, whose owner then beats (it was suspended, and resumed)
        leases.insert(1, "4242@node-a.example", LONG_AGO);
        Lease seen = leases.find(1).orElseThrow();
        leases.beat(1, "4242@node-a.example", LONG_AGO.plusSeconds(60));

        // when
        boolean removed = leases.delete(1, seen);

        // then
        assertThat(removed).isFalse();
        assertThat(leases.find(1)).map(Lease::heartbeatAt).contains(LONG_AGO.plusSeconds(60));
        assertThat(leases.delete(1, leases.find(1).orElseThrow())).isTrue();
    }

    @Test
    void holdingTheJobRenewsTheLeaseOfThisProcess() {
        // given
        leases.insert(1, leases.thisProcess(), LONG_AGO);

        // when
        leases.hold(1);

        // then
        assertThat(leases.find(1).orElseThrow().heartbeatAt()).isAfter(LONG_AGO);
        assertThat(leases.otherHolder(1)).isEmpty();
    }

    @Test
    void aJobAnotherProcessTookOverCannotBeHeldNamingThatProcess() {
        // given
        leases.insert(1, "777@node-b.example", Instant.now());

        // then
        assertThatThrownBy(() -> leases.hold(1)).isInstanceOf(JobTakenOverException.class)
            .hasMessage("job instance 1 is held by process 777@node-b.example now: this process sends nothing more for it");
        assertThat(leases.otherHolder(1)).contains("777@node-b.example");
    }
}
