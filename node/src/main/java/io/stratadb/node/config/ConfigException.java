package io.stratadb.node.config;

import java.nio.file.Path;

/**
 * A setting is unknown, of the wrong type or out of range. The message always names the setting (by its
 * {@code strata.yaml} key) and, when the value came from a file, the file and line, because the person
 * reading it is an operator looking at that file.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public ConfigException(String setting, String problem) {
        super(setting == null ? problem : "setting '" + setting + "': " + problem);
        this.setting = setting;
    }

    private ConfigException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The offending setting's key, or null when the problem is not one setting's (unreadable file...). */
    public String setting() {
        return setting;
    }

    /** The same problem, with where in which file it was found. */
    public ConfigException at(Path file, int line) {
        String where = line > 0 ? file + " line " + line : file.toString();
        return new ConfigException(setting, getMessage() + " (" + where + ")", this);
    }
}
