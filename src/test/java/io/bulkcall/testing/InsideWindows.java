package io.bulkcall.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.sandbox.CallBatchSnapshot;
import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.window.CallingWindowPolicy;
import io.bulkcall.window.DailyHours;
import io.bulkcall.window.WeekDays;
import io.bulkcall.window.Zones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never outside a window, checked against what the sandbox Cartesia did: every recipient was handed
 * to the dialer, on every attempt, while its calling window was open in every one of its zones (as
 * results.csv names them), no batch mixed recipients of different windows, and no batch was scheduled to
 * start outside its window.
 */
public final class InsideWindows {

    private InsideWindows() {
    }

    /** With the default window: 09:00-20:00, Monday to Saturday. */
    public static void assertEveryDispatchInsideItsWindow(SandboxServer sandbox, Path reports) {
        assertEveryDispatchInsideItsWindow(sandbox, reports, "09:00-20:00", "MON-SAT");
    }

    public static void assertEveryDispatchInsideItsWindow(SandboxServer sandbox, Path reports, String hours, String days) {
        CallingWindowPolicy policy = new CallingWindowPolicy(DailyHours.parse(hours), WeekDays.parse(days), Set.of());
        Map<String, String> zonesByNumber = CsvFiles.records(reports.resolve(ReportFolder.RESULTS_CSV))
            .stream()
            .collect(Collectors.toMap(row -> row.get("to_number"), row -> row.get("time_zone")));
        List<CallBatchSnapshot> batches = sandbox.batches();
        assertThat(batches).allSatisfy(batch -> assertThat(batch.recipients().stream()
            .map(recipient -> zonesByNumber.get(recipient.toNumber()))
            .distinct()).as("windows of the recipients of %s", batch.name()).hasSize(1));
        assertThat(batches.stream().flatMap(batch -> batch.recipients().stream())).allSatisfy(recipient -> {
            var schedule = policy.schedule(Zones.parse(zonesByNumber.get(recipient.toNumber())));
            assertThat(recipient.dispatchedAt()).as("dispatches of %s", recipient.toNumber())
                .allSatisfy(at -> assertThat(schedule.isOpen(at)).as("window open at %s", at).isTrue());
        });
        assertThat(batches).filteredOn(batch -> batch.scheduledAt() != null).allSatisfy(batch -> {
            var schedule = policy.schedule(Zones.parse(zonesByNumber.get(batch.recipients().get(0).toNumber())));
            assertThat(schedule.isOpen(batch.scheduledAt())).as("window open at %s, the scheduled_at of %s",
                    batch.scheduledAt(), batch.name()).isTrue();
        });
    }
}
