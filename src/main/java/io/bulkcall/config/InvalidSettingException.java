package io.bulkcall.config;

/**
 * One or more settings that stop the run before anything is read or dialed. The message names each
 * setting and its rule, in one line, and maps to exit code 2.
 */
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String setting, String problem) {
        this(setting + " " + problem);
    }

    /** @param problems every bad setting with its rule, e.g. {@code bulkcall.batch.size=1001: must be ...; CARTESIA_API_KEY is not set} */
    public InvalidSettingException(String problems) {
        super(problems);
    }
}
