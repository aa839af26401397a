package io.nimbusmq.broker.auth;

import java.util.Set;

/**
 * One thing a request needs: any one of {@code actions} on {@code resource} (RocketMQ 5.3's authorization context).
 * ACL 1.0 needs exactly one action per resource; ACL 2.0 sometimes accepts several, e.g. a route query is allowed
 * with Pub, Sub or Get on the topic.
 */
public record RequiredAccess(Resource resource, Set<Action> actions) {

    public RequiredAccess {
        actions = Set.copyOf(actions);
    }

    public static RequiredAccess of(Resource resource, Action... actions) {
        return new RequiredAccess(resource, Set.of(actions));
    }
}
