package io.bulkcall.job;

/**
 * Deterministic batch names: the same job and chunk always give the same name, which is how a create
 * whose answer was lost is found again. The content hash keeps two databases (or a wiped one) from
 * ever producing the same name for different files; the rest keeps it readable in Cartesia's dashboard.
 */
final class CallBatchNames {

    private CallBatchNames() {
    }

    static String of(InputFile file, long jobInstanceId, int chunkNo) {
        return "bulkcall %s #%d batch %d (%s)".formatted(file.stem(), jobInstanceId, chunkNo,
                file.sha256().substring(0, 12));
    }
}
