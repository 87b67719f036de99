package io.bulkcall.job.store;

/**
 * This process's job is another process's now: that one found this one's lease expired and took the
 * job over. Raised before anything more is sent to Cartesia for the job.
 */
public class JobTakenOverException extends RuntimeException {

    private final String owner;

    JobTakenOverException(long jobInstanceId, String owner) {
        super("job instance %d is held by process %s now: this process sends nothing more for it"
            .formatted(jobInstanceId, owner));
        this.owner = owner;
    }

    /** The process that holds the job now, {@code pid@host}; {@code none} if none does any more. */
    public String owner() {
        return owner;
    }
}
