package io.bulkcall.job.submit;

import java.util.OptionalInt;

import io.bulkcall.job.instance.InputFile;

/**
 * Deterministic batch names: the same job and batch number always give the same name, which is how a create
 * whose answer was lost is found again, and how a restarted job recognises its own batches among
 * every batch of the agent. The content hash keeps two databases (or a wiped one) from ever producing
 * the same name for different files; the rest keeps it readable in Cartesia's dashboard.
 */
final class CallBatchNames {

    private CallBatchNames() {
    }

    static String of(InputFile file, long jobInstanceId, int batchNo) {
        return prefix(file, jobInstanceId) + batchNo + suffix(file);
    }

    /** The batch number of a name of this job's, or empty for any other name. */
    static OptionalInt numberOf(String name, InputFile file, long jobInstanceId) {
        String prefix = prefix(file, jobInstanceId);
        String suffix = suffix(file);
        if (name == null || !name.startsWith(prefix) || !name.endsWith(suffix)
                || name.length() <= prefix.length() + suffix.length()) {
            return OptionalInt.empty();
        }
        String number = name.substring(prefix.length(), name.length() - suffix.length());
        if (!number.chars().allMatch(Character::isDigit) || number.length() > 9) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(number));
    }

    private static String prefix(InputFile file, long jobInstanceId) {
        return "bulkcall %s #%d batch ".formatted(file.stem(), jobInstanceId);
    }

    private static String suffix(InputFile file) {
        return " (%s)".formatted(file.sha256().substring(0, 12));
    }
}
