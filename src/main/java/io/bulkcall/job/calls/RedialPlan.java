package io.bulkcall.job.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.RedialOutcome;
import io.bulkcall.job.store.FailedMember;
import io.bulkcall.job.store.Redial;
import io.bulkcall.job.store.TrackedBatch;

/**
 * What is done about the failed recipients of a batch whose calls have all ended
 * ({@code bulkcall.redial.*}): each whose attempt's round leaves another, and whose outcome is redialed,
 * is due again its outcome's delay after its call ended (or after its outcome was known, when no call
 * was placed). When every failed recipient of the batch is due so, all after one delay, one Retry Call
 * Batch redials them, once the last is due; otherwise they are redialed in new batches of their group,
 * each from when it is due, and Retry Call Batch (which re-queues every failed recipient) is never sent
 * for the batch again. A failed recipient whose outcome is not redialed says so in {@code results.csv}.
 * Immutable.
 *
 * @param redials the recipients to dial again, each with its round, outcome and due time
 * @param byRetry whether one Retry Call Batch redials them all
 * @param notRedialed the outcome of each other failed recipient with a round left, by line: not one that is redialed
 */
record RedialPlan(List<Redial> redials, boolean byRetry, Map<Long, RedialOutcome> notRedialed) {

    RedialPlan {
        redials = List.copyOf(redials);
        notRedialed = Map.copyOf(notRedialed);
    }

    /**
     * @param failed the recipients the batch holds whose latest attempt failed
     * @param callEnds when each one's call ended, by number, where a call was placed
     * @param now when the outcomes are recorded
     */
    static RedialPlan of(TrackedBatch batch, List<FailedMember> failed, Function<String, Instant> callEnds,
            BulkcallProperties.Redial settings, Instant now) {
        List<Redial> redials = new ArrayList<>();
        Map<Long, RedialOutcome> notRedialed = new LinkedHashMap<>();
        List<Duration> delays = new ArrayList<>();
        for (FailedMember member : failed) {
            if (member.notRedialed() != null || member.round() >= settings.rounds()) {
                continue;
            }
            RedialOutcome outcome = RedialOutcome.ofFailed(member.endReason(), member.agentCallId());
            if (!settings.redials(outcome)) {
                notRedialed.put(member.line(), outcome);
                continue;
            }
            Instant ended = callEnds.apply(member.toNumber());
            Duration delay = settings.delayAfter(outcome);
            delays.add(delay);
            redials.add(new Redial(member.line(), member.round() + 1, outcome.setting(), (ended == null ? now : ended).plus(delay)));
        }
        boolean byRetry = !redials.isEmpty() && redials.size() == failed.size() && !batch.retryClosed()
                && !batch.isCancelled() && delays.stream().distinct().count() == 1
                && redials.stream().map(Redial::round).distinct().count() == 1;
        return new RedialPlan(redials, byRetry, notRedialed);
    }

    /** For {@code results.csv}: why each failed recipient not redialed is not, by line. */
    Map<Long, String> notRedialedReasons() {
        Map<Long, String> reasons = new LinkedHashMap<>();
        notRedialed.forEach((line, outcome) -> reasons.put(line,
                "not redialed: %s is not in bulkcall.redial.outcomes".formatted(outcome)));
        return reasons;
    }

    /**
     * One line for the operator, once the batch's outcomes are recorded: who is redialed from when, and
     * how, and who is not: {@code redial round 1: 1 dial_busy from Wed 10:12, 1 dial_no_answer from Wed 12:02,
     * in new batches; not redialed: 1 dial_failed}. Empty when there is nothing to say.
     *
     * @param local an instant as the batch's recipients read their clocks
     */
    Optional<String> describe(Function<Instant, String> local) {
        List<String> parts = new ArrayList<>();
        if (!redials.isEmpty()) {
            Map<String, List<Redial>> byOutcome = redials.stream()
                .collect(Collectors.groupingBy(Redial::outcome, LinkedHashMap::new, Collectors.toList()));
            String who = byOutcome.entrySet()
                .stream()
                .map(entry -> "%d %s from %s".formatted(entry.getValue().size(), entry.getKey(),
                        local.apply(entry.getValue().stream().map(Redial::dueAt).min(Comparator.naturalOrder()).orElseThrow())))
                .collect(Collectors.joining(", "));
            parts.add("redial round %d: %s, %s".formatted(redials.get(0).round(), who,
                    byRetry ? "by Retry Call Batch" : "in new batches"));
        }
        if (!notRedialed.isEmpty()) {
            parts.add("not redialed: " + notRedialed.values()
                .stream()
                .collect(Collectors.groupingBy(RedialOutcome::setting, LinkedHashMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", ")));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    /**
     * Whether some recipients are redialed in new batches: they leave this one, to wait for a batch of
     * their round.
     */
    boolean inNewBatches() {
        return !byRetry && !redials.isEmpty();
    }

    /** When Retry Call Batch is due: once the last of its recipients is. */
    Instant retryDueAt() {
        return redials.stream().map(Redial::dueAt).max(Comparator.naturalOrder()).orElseThrow();
    }
}
