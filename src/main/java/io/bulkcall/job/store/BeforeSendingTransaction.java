package io.bulkcall.job.store;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction that records what is about to be sent to Cartesia (a batch's intent, a retry's
 * reserved dials) before it is sent: one of its own, committed whatever the step's transaction does
 * after, so that a crash after the send finds it; and run only while this process holds the job's
 * lease ({@link LeaseRepository#hold}), so that a process another one took the job over from records,
 * and so sends, nothing more. Thread-safe.
 */
@Component
public class BeforeSendingTransaction {

    private final LeaseRepository leases;

    private final TransactionTemplate transaction;

    public BeforeSendingTransaction(LeaseRepository leases, PlatformTransactionManager transactionManager) {
        this.leases = leases;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @return what {@code records} returned, committed
     * @throws JobTakenOverException when another process holds the job now; nothing is recorded
     */
    public <T> T execute(long jobInstanceId, Supplier<T> records) {
        return transaction.execute(status -> {
            leases.hold(jobInstanceId);
            return records.get();
        });
    }
}
