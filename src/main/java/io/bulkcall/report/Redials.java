package io.bulkcall.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job's redial rounds.
 *
 * @param roundsOpened the highest redial round any recipient reached
 * @param retryRequests Retry Call Batch requests applied, over all batches
 * @param rounds the batches created for each round, round 0 being the first pass
 * @param recipientsByDials recipients by how often they were dialed
 * @param byOutcome recipients redialed, by round and by the outcome that called for it
 */
record Redials(int roundsOpened, long retryRequests, List<RedialRoundCount> rounds, Map<Integer, Long> recipientsByDials,
        List<RedialOutcomeCount> byOutcome) {

    Redials {
        rounds = List.copyOf(rounds);
        byOutcome = List.copyOf(byOutcome);
        recipientsByDials = Collections.unmodifiableMap(new TreeMap<>(recipientsByDials));
    }
}
