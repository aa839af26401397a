package io.nimbusmq.broker.auth;

import java.util.Locale;

/**
 * Which group a rule belongs to (RocketMQ 5.3's policy types): {@link #CUSTOM} rules are consulted first;
 * {@link #DEFAULT} rules only when no custom rule speaks about the resource and action. ACL 1.0's
 * {@code defaultTopicPerm} and {@code defaultGroupPerm} are default rules; its listed topics and groups custom ones.
 */
public enum PolicyType {
    CUSTOM("Custom"), DEFAULT("Default");

    private final String wireName;

    PolicyType(String wireName) {
        this.wireName = wireName;
    }

    /** {@code Custom} or {@code Default}, as in ACL 2.0 bodies. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a policy type in any case; {@code null} or blank is {@link #CUSTOM}, as in RocketMQ.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static PolicyType parse(String name) {
        if (name == null || name.isBlank()) {
            return CUSTOM;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "custom" -> CUSTOM;
            case "default" -> DEFAULT;
            default -> throw new IllegalArgumentException("unknown policy type '" + name
                    + "'; expected Custom or Default");
        };
    }
}
