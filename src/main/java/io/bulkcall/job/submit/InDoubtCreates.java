package io.bulkcall.job.submit;

import io.bulkcall.cartesia.CallBatch;
import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.job.store.CallBatchRepository;
import io.bulkcall.job.store.ContactHistory;
import io.bulkcall.job.store.RecipientRepository;
import io.bulkcall.job.store.TrackedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles the creates whose answer was lost: a batch intent without a batch id may or may not exist at
 * Cartesia. One that does is adopted, so that it is waited for, and cancelled by whatever cancels the
 * job's batches; one that does not is forgotten, its recipients waiting for a batch again. Done before
 * the submit step sends anything, and before any pass that cancels a job's batches (a stop, a restart,
 * {@code bulkcall cancel}), which would otherwise miss a batch that dials. Thread-safe (stateless).
 */
@Component
public class InDoubtCreates {

    private static final Logger log = LoggerFactory.getLogger(InDoubtCreates.class);

    private final CallBatchRepository batches;
    private final RecipientRepository recipients;
    private final ContactHistory contacts;
    private final CallBatchFinder finder;
    private final TransactionTemplate transaction;

    public InDoubtCreates(CallBatchRepository batches, RecipientRepository recipients, ContactHistory contacts,
            CallBatchFinder finder, PlatformTransactionManager transactionManager) {
        this.batches = batches;
        this.recipients = recipients;
        this.contacts = contacts;
        this.finder = finder;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Looks each create of the job that is in doubt up by name, and settles it.
     *
     * @throws CartesiaException when Cartesia cannot be asked, or holds a batch of that name that is not this job's
     */
    public void settleAll(long jobInstanceId) {
        for (TrackedBatch intent : batches.all(jobInstanceId)) {
            if (intent.batchId() == null) {
                settle(intent, finder.findByName(intent.name(), intent.recipients(), intent.intentAt()).orElse(null));
            }
        }
    }

    /**
     * Settles one create in doubt by what Cartesia holds under its name.
     *
     * @param found the batch of that name at Cartesia, or {@code null} when it holds none
     */
    void settle(TrackedBatch intent, CallBatch found) {
        if (found == null) {
            transaction.executeWithoutResult(status -> {
                batches.discardIntent(intent.jobInstanceId(), intent.batchNo());
                contacts.forget(intent.jobInstanceId(), intent.batchNo());
            });
            log.info("Call batch \"{}\" was never created; its recipients will be sent again", intent.name());
            return;
        }
        if (found.totalCallsScheduled() != intent.recipients()) {
            throw new CartesiaException("call batch " + found.id() + " is named \"" + intent.name() + "\" but has "
                    + found.totalCallsScheduled() + " recipients instead of " + intent.recipients()
                    + "; it was not created by this job");
        }
        transaction.executeWithoutResult(status -> {
            batches.recordCreated(intent.jobInstanceId(), intent.batchNo(), found);
            int adopted = recipients.adoptMembers(intent.jobInstanceId(), intent.batchNo(), found.id());
            if (adopted != intent.recipients()) {
                throw new CartesiaException("call batch " + found.id() + " (\"" + intent.name() + "\") has "
                        + intent.recipients() + " recipients but only " + adopted
                        + " of them wait for a batch in the job database; the job database does not match Cartesia");
            }
        });
        log.info("Call batch \"{}\" was created although its answer was lost; adopted it as {}", intent.name(), found.id());
    }
}
