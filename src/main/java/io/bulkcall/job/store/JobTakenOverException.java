package io.bulkcall.job.store;

/**
 * This process's job is another process's now: that one found this one's lease expired and took the
 * job over. Raised before anything more is sent to Cartesia for the job.
 */
class JobTakenOverException extends RuntimeException {

    JobTakenOverException(long jobInstanceId, String owner) {
        super("job instance %d is held by process %s now: this process sends nothing more for it"
            .formatted(jobInstanceId, owner));
    }
}
