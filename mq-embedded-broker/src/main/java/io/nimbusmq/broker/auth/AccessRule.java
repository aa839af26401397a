package io.nimbusmq.broker.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a user's permissions, the model both ACL formats are read into: for the resources {@code resource}
 * matches, the {@code actions} are allowed or denied, optionally only from some addresses.
 *
 * <ul>
 *   <li>ACL 1.0 ({@code plain_acl.yml}): {@code topicPerms: [orders=PUB]} becomes two custom rules for the literal
 *       {@code Topic:orders}, PUB allowed and SUB denied, so that a listed topic decides by itself;
 *       {@code defaultTopicPerm} two {@link PolicyType#DEFAULT default} rules for {@code Topic:*}.</li>
 *   <li>ACL 2.0: a policy entry {@code Topic:orders* [Pub, Sub] from 10.0.0.0/8 Allow} is one rule.</li>
 * </ul>
 *
 * @param resource        which resources
 * @param actions         the actions the rule decides; {@link Action#ALL} decides every action
 * @param allow           whether they are allowed (otherwise denied)
 * @param sourceAddresses the addresses the rule applies to; empty for every address
 * @param policyType      custom rules are consulted first, default rules only when no custom rule applies
 */
public record AccessRule(ResourcePattern resource, Set<Action> actions, boolean allow,
        List<AddressPattern> sourceAddresses, PolicyType policyType) {

    public AccessRule {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(policyType, "policyType");
        if (actions == null || actions.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one action");
        }
        actions = Set.copyOf(EnumSet.copyOf(actions));
        sourceAddresses = sourceAddresses == null ? List.of() : List.copyOf(sourceAddresses);
    }

    /** A rule for every address. */
    public static AccessRule of(ResourcePattern resource, Set<Action> actions, boolean allow, PolicyType policyType) {
        return new AccessRule(resource, actions, allow, List.of(), policyType);
    }

    /**
     * Whether the rule speaks about {@code resource} for a request that needs any one of {@code needed}, coming from
     * {@code ip}.
     */
    public boolean appliesTo(Resource resource, Set<Action> needed, String ip) {
        if (!this.resource.matches(resource)) {
            return false;
        }
        if (!actions.contains(Action.ALL) && needed.stream().noneMatch(actions::contains)) {
            return false;
        }
        return sourceAddresses.isEmpty() || sourceAddresses.stream().anyMatch(address -> address.matches(ip));
    }
}
