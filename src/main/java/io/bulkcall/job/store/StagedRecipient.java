package io.bulkcall.job.store;

import java.util.Map;

/**
 * A valid recipient staged in the job database, on its way into a call batch.
 *
 * @param line the input line its row starts on
 * @param toNumber the number in E.164
 * @param metadata the row's other cells, keyed by column, empty cells left out
 * @param zones the {@code Zones} key of its calling window, {@code null} when windows were off
 * @param redialRound the round its next batch belongs to, 0 for the first pass
 */
public record StagedRecipient(long line, String toNumber, Map<String, String> metadata, String zones, int redialRound) {
}
