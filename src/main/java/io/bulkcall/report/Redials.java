package io.bulkcall.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job's redial rounds.
 *
 * @param roundsOpened redial rounds opened after the first pass
 * @param retryRequests Retry Call Batch requests applied, over all batches
 * @param rounds the batches created for each round, round 0 being the first pass
 * @param recipientsByDials recipients by how often they were dialed
 */
record Redials(int roundsOpened, long retryRequests, List<RedialRoundCount> rounds, Map<Integer, Long> recipientsByDials) {

    Redials {
        rounds = List.copyOf(rounds);
        recipientsByDials = Collections.unmodifiableMap(new TreeMap<>(recipientsByDials));
    }
}
