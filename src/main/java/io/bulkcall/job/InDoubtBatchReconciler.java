package io.bulkcall.job;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before the submit step reads anything, settles every batch whose create was in doubt when the
 * last run stopped: a batch Cartesia has under that name is adopted with its recipients, one it
 * does not have is forgotten so the chunk is sent again. On a healthy first run there is nothing
 * in doubt and no request is made.
 */
@Component
public class InDoubtBatchReconciler implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(InDoubtBatchReconciler.class);

    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final CallBatchFinder finder;
    private final TransactionTemplate transaction;

    public InDoubtBatchReconciler(CallBatchRepository batches, RecipientRepository recipients, CallBatchFinder finder,
            PlatformTransactionManager transactionManager) {
        this.batches = batches;
        this.recipients = recipients;
        this.finder = finder;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long jobInstanceId = stepExecution.getJobExecution().getJobInstanceId();
        for (TrackedBatch intent : batches.inDoubt(jobInstanceId)) {
            finder.findByName(intent.name(), intent.recipients(), intent.intentAt())
                .ifPresentOrElse(found -> adopt(jobInstanceId, intent, found), () -> forget(jobInstanceId, intent));
        }
    }

    private void adopt(long jobInstanceId, TrackedBatch intent, CallBatch found) {
        transaction.executeWithoutResult(status -> {
            batches.recordCreated(jobInstanceId, intent.chunkNo(), found);
            int adopted = recipients.adoptRange(jobInstanceId, intent, found.id());
            if (adopted != intent.recipients()) {
                throw new CartesiaException("call batch " + found.id() + " (\"" + intent.name() + "\") has "
                        + intent.recipients() + " recipients but " + adopted + " unsubmitted rows are left in lines "
                        + intent.firstLine() + "-" + intent.lastLine() + "; the job database does not match Cartesia");
            }
        });
        log.info("Call batch \"{}\" was created before the last run stopped; adopted it as {}", intent.name(), found.id());
    }

    private void forget(long jobInstanceId, TrackedBatch intent) {
        batches.discardIntent(jobInstanceId, intent.chunkNo());
        log.info("Call batch \"{}\" was never created; its recipients will be sent again", intent.name());
    }
}
