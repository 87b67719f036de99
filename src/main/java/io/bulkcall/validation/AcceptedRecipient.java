package io.bulkcall.validation;

import java.util.Map;

/**
 * A row that passed screening: a number to dial and what the agent should know about the recipient.
 *
 * @param line the 1-based physical line the row starts on
 * @param toNumber the number in E.164
 * @param metadata the row's other columns, keyed by header name in file order; empty cells left out
 * @param stagedMetadata the metadata as the job database stores it, written ahead
 *        ({@link CheckedRow#stagedMetadata}); {@code null} when there is none, or when the row is not staged
 * @param zones the key of the time zones its calls wait for ({@link io.bulkcall.window.Zones#key()}), or
 *        {@code null} when calling windows are off
 */
public record AcceptedRecipient(long line, String toNumber, Map<String, String> metadata, String stagedMetadata,
        String zones)
        implements ScreenedRow {

    public AcceptedRecipient {
        metadata = RowMetadata.copyOf(metadata);
    }
}
