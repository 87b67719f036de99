package io.bulkcall.job.store;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction of its own, committed whatever the caller's transaction does after, and run only
 * while this process holds the job's lease ({@link LeaseRepository#hold}): a process another one took
 * the job over from records, and so sends, nothing more. It records what is about to be sent to
 * Cartesia (a batch's intent, a retry's reserved dials), so that a crash after the send finds it, and
 * what a finished batch's calls came to. Thread-safe.
 */
@Component
public class LeasedTransaction {

    private final LeaseRepository leases;

    private final TransactionTemplate transaction;

    public LeasedTransaction(LeaseRepository leases, PlatformTransactionManager transactionManager) {
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
