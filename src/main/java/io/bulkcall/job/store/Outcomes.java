package io.bulkcall.job.store;

import java.util.List;

/**
 * What recording a finished batch's outcomes did to its recipients.
 *
 * @param failed recipients whose latest attempt failed: a redial round may dial them again
 * @param carriedOver recipients the batch cancelled before dialing them, waiting again for a batch
 * @param notPlaced the numbers to which the batch's latest dispatch placed no call (cancelled before
 *        dialing, failed before a call could be placed): no dial to count against the contact policy
 */
public record Outcomes(int failed, int carriedOver, List<String> notPlaced) {

    public Outcomes {
        notPlaced = List.copyOf(notPlaced);
    }
}
