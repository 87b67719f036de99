package io.bulkcall.job.submit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bulkcall.job.store.JobRecordRepository;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.StagedRecipient;
import io.bulkcall.job.store.WaitingGroup;
import io.bulkcall.window.CallingWindows;
import io.bulkcall.window.Dispatch;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the call batches to create now: the recipients that wait for a batch in the groups whose
 * batches are due ({@link CallingWindows#dispatch}), read once in line order and gathered per group
 * (window and round), a batch as soon as a group has {@code bulkcall.batch.size} of them and the
 * rest once every recipient was read. A batch never mixes groups.
 *
 * <p>Restart: it keeps no position (the process-indicator pattern): the recipients already in a batch
 * no longer wait, so a restarted step reads the rest again from the top. Memory is bounded by one
 * unfinished batch per due group. Not thread-safe: one per step execution. Not final: the step scope
 * proxies it by its class.
 */
class DueBatchReader implements ItemStreamReader<PlannedBatch> {

    private final long jobInstanceId;
    private final int batchSize;
    private final RecipientRepository recipients;
    private final JobRecordRepository jobs;
    private final CallingWindows windows;
    private final Clock clock;

    private final Map<Group, List<StagedRecipient>> filling = new LinkedHashMap<>();
    private Map<String, Dispatch> due = Map.of();
    private ItemStreamReader<StagedRecipient> waiting;
    private Iterator<Map.Entry<Group, List<StagedRecipient>>> draining;

    DueBatchReader(long jobInstanceId, int batchSize, RecipientRepository recipients,
            JobRecordRepository jobs, CallingWindows windows, Clock clock) {
        this.jobInstanceId = jobInstanceId;
        this.batchSize = batchSize;
        this.recipients = recipients;
        this.jobs = jobs;
        this.windows = windows;
        this.clock = clock;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        if (jobs.isCancelled(jobInstanceId)) {
            return;
        }
        Instant now = clock.instant();
        List<WaitingGroup> groups = recipients.waitingGroups(jobInstanceId);
        Map<String, Dispatch> dueNow = new HashMap<>();
        for (WaitingGroup group : groups) {
            if (!group.dueAt(now).isAfter(now)) {
                windows.dispatch(group.zones(), now)
                    .filter(dispatch -> dispatch.isDue(now))
                    .ifPresent(dispatch -> dueNow.put(group.zones(), dispatch));
            }
        }
        if (dueNow.isEmpty()) {
            return;
        }
        due = dueNow;
        waiting = recipients.dueIn(jobInstanceId, due.keySet(), now, batchSize);
        waiting.open(new ExecutionContext());
    }

    @Override
    public PlannedBatch read() throws Exception {
        for (StagedRecipient next = waiting == null ? null : waiting.read(); next != null; next = waiting.read()) {
            Group group = new Group(next.zones(), next.redialRound());
            List<StagedRecipient> batch = filling.computeIfAbsent(group, key -> new ArrayList<>(batchSize));
            batch.add(next);
            if (batch.size() == batchSize) {
                filling.remove(group);
                return planned(group, batch);
            }
        }
        if (draining == null) {
            draining = filling.entrySet().iterator();
        }
        if (!draining.hasNext()) {
            return null;
        }
        Map.Entry<Group, List<StagedRecipient>> rest = draining.next();
        draining.remove();
        return planned(rest.getKey(), rest.getValue());
    }

    private PlannedBatch planned(Group group, List<StagedRecipient> batch) {
        return new PlannedBatch(group.zones(), group.redialRound(), due.get(group.zones()), batch);
    }

    @Override
    public void close() {
        if (waiting != null) {
            waiting.close();
        }
    }

    /** Recipients that go into one batch: the same window, the same round. */
    private record Group(String zones, int redialRound) {
    }
}
