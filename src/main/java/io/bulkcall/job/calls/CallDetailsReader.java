package io.bulkcall.job.calls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.bulkcall.cartesia.AgentCall;
import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaClient;
import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.job.instance.ReportFolder;
import io.bulkcall.job.instance.TranscriptsFile;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.TrackedBatch;

import org.springframework.stereotype.Component;

/**
 * Reads the calls of a batch whose calls have all ended, for {@code results.csv}: when each
 * recipient's latest call started and ended, and its summary. One List Calls by batch, all its pages
 * (a hundred calls a page), rather than one Get Call per recipient; Get Call only for a latest call
 * the list did not show. With {@code bulkcall.results.transcripts} on, the list brings the
 * transcripts too, and every call of the batch, earlier attempts included, is kept for
 * {@code transcripts.jsonl}.
 */
@Component
class CallDetailsReader {

    private static final Comparator<AgentCall> OLDEST_FIRST = Comparator
        .comparing(AgentCall::startTime, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(AgentCall::id);

    private final CartesiaClient client;
    private final RecipientRepository recipients;
    private final String agentId;
    private final boolean transcripts;

    public CallDetailsReader(CartesiaClient client, RecipientRepository recipients, BulkcallProperties properties) {
        this.client = client;
        this.recipients = recipients;
        this.agentId = properties.agentId();
        this.transcripts = properties.results().transcripts();
    }

    /**
     * Reads the latest call of each recipient of a finished batch that placed one, and keeps the
     * batch's transcripts for the report when asked to. Writes nothing to the job database: the caller
     * records the details with the batch's outcomes.
     *
     * @param finished what Get Call Batch said of it, recipients included
     * @param folder the job's report folder, where its transcripts wait for the report
     * @return each recipient's latest call, by the recipient's number
     */
    public Map<String, AgentCall> read(TrackedBatch batch, CallBatch finished, ReportFolder folder) {
        Map<String, String> latest = new LinkedHashMap<>();
        finished.recipients()
            .stream()
            .filter(recipient -> recipient.agentCallId() != null)
            .forEach(recipient -> latest.put(recipient.toNumber(), recipient.agentCallId()));
        if (latest.isEmpty() && !transcripts) {
            return Map.of();
        }
        Map<String, AgentCall> calls = new LinkedHashMap<>();
        client.listAllCalls(agentId, finished.id(), transcripts).forEach(call -> calls.put(call.id(), call));
        Map<String, AgentCall> latestCalls = new LinkedHashMap<>();
        latest.forEach((number, callId) -> latestCalls.put(number, calls.computeIfAbsent(callId, client::getCall)));
        if (transcripts) {
            new TranscriptsFile(folder).writeBatch(batch.batchNo(), transcriptsOf(batch, finished, calls.values()));
        }
        return latestCalls;
    }

    /** Every call of the batch, oldest first, each with the row of the number it called. */
    private List<TranscriptsFile.CallTranscript> transcriptsOf(TrackedBatch batch, CallBatch finished,
            Collection<AgentCall> calls) {
        Map<String, Long> lines = recipients.createdWith(batch);
        Map<String, String> latestNumbers = new HashMap<>();
        finished.recipients()
            .stream()
            .filter(recipient -> recipient.agentCallId() != null)
            .forEach(recipient -> latestNumbers.put(recipient.agentCallId(), recipient.toNumber()));
        return calls.stream()
            .sorted(OLDEST_FIRST)
            .flatMap(call -> {
                String number = call.toNumber() != null ? call.toNumber() : latestNumbers.get(call.id());
                Long line = lines.get(number);
                return line == null ? Stream.empty()
                        : Stream.of(new TranscriptsFile.CallTranscript(line, number, call.id(), finished.id(),
                                instant(call.startTime()), instant(call.endTime()), call.transcript()));
            })
            .toList();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
