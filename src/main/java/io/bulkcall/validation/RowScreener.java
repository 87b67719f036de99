package io.bulkcall.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.bulkcall.config.DynamicVariableLimits;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.window.ZoneResolution;

/**
 * Decides for each data row whether it is dialed, in file order, from the row and the check of its
 * number ({@link CheckedRow}, worked out ahead by {@link NumberCheckingReader}). The checks run in this
 * order and the first that fails is the row's {@link RejectionReason}: the row is malformed, its
 * number cell is empty, the number is invalid, the same number was accepted on an earlier line (in
 * any format: numbers are compared in E.164), the number is on the do-not-call list, the number reached
 * the contact policy's limit, the recipient has no calling window, the row's dynamic variables would be
 * larger than Cartesia takes ({@link SentColumns#oversize}). Never returns
 * {@code null}: a rejected row is an item too, so every row is accounted for.
 *
 * <p>Only accepted numbers are recorded in {@link SeenNumbers}, so a restart that fills it from the
 * staged recipients screens the remaining rows exactly as an uninterrupted run would. Screening the
 * same row again (a chunk processed twice) accepts it again rather than calling it its own duplicate.
 *
 * <p>Not thread-safe, as {@link SeenNumbers} is not. Not final: the validate step's scope proxies it
 * by its class.
 */
public class RowScreener implements AutoCloseable {

    private final DoNotCallList doNotCall;

    private final SeenNumbers seenNumbers;

    private final SentColumns sentColumns;

    public RowScreener(DoNotCallList doNotCall, SeenNumbers seenNumbers, SentColumns sentColumns) {
        this.doNotCall = doNotCall;
        this.seenNumbers = seenNumbers;
        this.sentColumns = sentColumns;
    }

    public ScreenedRow process(CheckedRow checked) {
        CsvRow row = checked.row();
        List<String> values = row.values();
        String rawNumber = checked.rawNumber();
        if (row.isMalformed()) {
            return new RejectedRow(row.line(), rawNumber, RejectionReason.MALFORMED_ROW, row.malformation(), values);
        }
        NumberCheck check = checked.check();
        if (check instanceof NumberCheck.Invalid invalid) {
            return new RejectedRow(row.line(), rawNumber, invalid.reason(), invalid.detail(), values);
        }
        String e164 = ((NumberCheck.Valid) check).e164();
        long number = SeenNumbers.toLong(e164);
        long firstSeen = seenNumbers.firstLineOf(number);
        if (firstSeen >= 0 && firstSeen != row.line()) {
            return new RejectedRow(row.line(), rawNumber, RejectionReason.DUPLICATE, "first seen on line " + firstSeen,
                    values);
        }
        if (doNotCall.contains(e164)) {
            return new RejectedRow(row.line(), rawNumber, RejectionReason.DO_NOT_CALL,
                    "on the do-not-call list (" + doNotCall.whereListed(e164) + ")", values);
        }
        if (checked.contactLimit() != null) {
            return new RejectedRow(row.line(), rawNumber, RejectionReason.CONTACT_LIMIT, checked.contactLimit(), values);
        }
        if (checked.zones() instanceof ZoneResolution.NoCallingWindow none) {
            return new RejectedRow(row.line(), rawNumber, RejectionReason.NO_CALLING_WINDOW, none.detail(), values);
        }
        Map<String, String> metadata = checked.metadata();
        Optional<Integer> oversize = sentColumns.oversize(metadata);
        if (oversize.isPresent()) {
            return new RejectedRow(row.line(), rawNumber, RejectionReason.VARIABLES_TOO_LARGE,
                    "its dynamic_variables would take %,d bytes of JSON; Cartesia takes at most %,d: shorten its cells, or keep a column away with bulkcall.columns.not-sent"
                        .formatted(oversize.get(), DynamicVariableLimits.MAX_BYTES), values);
        }
        seenNumbers.putIfAbsent(number, row.line());
        return new AcceptedRecipient(row.line(), e164, metadata, checked.stagedMetadata(),
                checked.zones() instanceof ZoneResolution.Found found ? found.zones().key() : null);
    }

    /** Forgets the numbers screened: the validate step's scope closes it when the step ends. */
    @Override
    public void close() {
        seenNumbers.clear();
    }
}
