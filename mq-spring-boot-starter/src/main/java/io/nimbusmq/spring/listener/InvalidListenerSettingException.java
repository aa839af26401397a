package io.nimbusmq.spring.listener;

/**
 * A listener setting (an annotation attribute, a {@code mq.listeners.<group>.*} property, a container factory
 * default) whose value cannot be used; thrown while the listener registers, so the application does not start.
 */
public class InvalidListenerSettingException extends IllegalArgumentException {

    private final String setting;
    private final String value;

    public InvalidListenerSettingException(String setting, String value, String problem) {
        super(setting + " = '" + value + "': " + problem);
        this.setting = setting;
        this.value = value;
    }

    /** The setting, named as the application wrote it. */
    public String getSetting() {
        return setting;
    }

    public String getValue() {
        return value;
    }
}
