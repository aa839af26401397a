package io.nimbusmq.spring.autoconfigure;

/**
 * A Nimbus MQ setting the starter cannot use: it names the setting, the value and why, and Spring Boot's start-up
 * failure report says so ({@link MqConfigurationFailureAnalyzer}). Nothing is started half-configured.
 */
public class MqConfigurationException extends IllegalStateException {

    private final String setting;
    private final String value;
    private final String action;

    public MqConfigurationException(String setting, String value, String reason, String action) {
        super(setting + "=" + value + ": " + reason);
        this.setting = setting;
        this.value = value;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    public String value() {
        return value;
    }

    /** What to change. */
    public String action() {
        return action;
    }
}
