package io.bulkcall.config;

/**
 * A setting that stops the run before anything is read or dialed. The message names the setting
 * and the rule, in one line, and maps to exit code 2.
 */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
