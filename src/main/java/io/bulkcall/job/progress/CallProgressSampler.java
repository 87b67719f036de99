package io.bulkcall.job.progress;

import java.time.Clock;

import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.TrackedBatch;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the last {@link ProgressSamples} of a job in its await step's ExecutionContext: at each
 * checkpoint (one per poll), the calls finished over its batches, as the poll just recorded them, and
 * when. Registered as a stream of the await step, so the sample is saved in the poll's own transaction.
 * A new await step execution (the flow comes back to await after creating batches) starts from the
 * samples of the one before it in the same job execution. One per step execution (step scope).
 */
@Component
@StepScope
public class CallProgressSampler implements ItemStream {

    private final CallBatchRepository batches;
    private final Clock clock;
    private final StepExecution stepExecution;
    private ProgressSamples samples = ProgressSamples.NONE;

    public CallProgressSampler(CallBatchRepository batches, Clock clock,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        this.batches = batches;
        this.clock = clock;
        this.stepExecution = stepExecution;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        String saved = executionContext.containsKey(ProgressSamples.KEY) ? executionContext.getString(ProgressSamples.KEY)
                : stepExecution.getJobExecution().getStepExecutions().stream()
                    .filter(earlier -> earlier.getStepName().equals(stepExecution.getStepName()) && earlier != stepExecution)
                    .map(earlier -> earlier.getExecutionContext().getString(ProgressSamples.KEY, ""))
                    .reduce((first, second) -> second)
                    .orElse("");
        samples = ProgressSamples.parse(saved);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        long done = batches.all(stepExecution.getJobExecution().getJobInstanceId())
            .stream()
            .mapToLong(TrackedBatch::callsFinished)
            .sum();
        samples = samples.plus(new ProgressSample(clock.instant(), done));
        executionContext.putString(ProgressSamples.KEY, samples.text());
    }
}
