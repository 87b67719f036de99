package io.bulkcall.job.staging;

import io.bulkcall.job.instance.InputFile;

/**
 * A validation that finds other content under its file's name (written over after the launcher hashed
 * it, or between a failed run and its restart): it would stage another file's rows under this job,
 * whose own job would then dial them again. The job fails, restartable once the file it began with is back.
 */
class ReplacedInputFileException extends RuntimeException {

    ReplacedInputFileException(InputFile file) {
        super(("%s is no longer the file its job began with (its content has changed): validating it would make one "
                + "job of two files. Put back the file the job began with (sha256 %s…) to go on with it, or leave it: "
                + "as it is now, it is a new job for the next run").formatted(file.path(), file.sha256().substring(0, 12)));
    }
}
