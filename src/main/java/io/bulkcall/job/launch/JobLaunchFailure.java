package io.bulkcall.job.launch;

/**
 * A command that names something that is not there: a file that does not exist or cannot be read,
 * a job id that is unknown. The message says so in one line; it is a usage error (exit code 2).
 */
public class JobLaunchFailure extends Exception {

    public JobLaunchFailure(String message) {
        super(message);
    }
}
