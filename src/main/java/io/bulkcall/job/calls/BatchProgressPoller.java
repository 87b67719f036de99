package io.bulkcall.job.calls;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.store.TrackedBatch;

import org.springframework.stereotype.Component;

/**
 * Reads the progress of a job's open batches with List Call Batches, a few pages per poll instead of
 * one request per batch: pages are read newest first until every open batch was seen or the list
 * is older than the oldest of them. A batch the list did not show is fetched on its own.
 */
@Component
class BatchProgressPoller {

    private final CartesiaClient client;
    private final String agentId;

    public BatchProgressPoller(CartesiaClient client, BulkcallProperties properties) {
        this.client = client;
        this.agentId = properties.agentId();
    }

    public Map<String, CallBatch> poll(List<TrackedBatch> open) {
        Set<String> wanted = open.stream().map(TrackedBatch::batchId).collect(Collectors.toSet());
        Instant oldestIntent = open.stream().map(TrackedBatch::intentAt).min(Comparator.naturalOrder()).orElseThrow();
        Map<String, CallBatch> seen = new HashMap<>();
        client.listCallBatchesSince(agentId, oldestIntent)
            .takeWhile(batch -> seen.size() < wanted.size())
            .filter(batch -> wanted.contains(batch.id()))
            .forEach(batch -> seen.put(batch.id(), batch));
        for (String missing : wanted) {
            seen.computeIfAbsent(missing, client::getCallBatch);
        }
        return seen;
    }
}
