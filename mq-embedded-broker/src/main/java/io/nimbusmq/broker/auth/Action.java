package io.nimbusmq.broker.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a request does to a resource, RocketMQ 5.3's actions ({@code org.apache.rocketmq.common.action.Action}). ACL 1.0
 * knows only {@link #PUB} and {@link #SUB}; ACL 2.0 policies name any of these, {@link #ALL} standing for every one.
 */
public enum Action {
    PUB("Pub"), SUB("Sub"), CREATE("Create"), UPDATE("Update"), DELETE("Delete"), GET("Get"), LIST("List"),
    ALL("All");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    /** The name in ACL 2.0 bodies and refusals: {@code Pub}, {@code Sub}, ... */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses an action name, in any case.
     *
     * @throws IllegalArgumentException for anything else (RocketMQ silently drops unknown names; a typo here would
     *     quietly remove a permission)
     */
    public static Action parse(String name) {
        String normalized = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (Action action : values()) {
            if (action.name().equals(normalized)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Action::wireName).collect(Collectors.joining(", ")));
    }
}
