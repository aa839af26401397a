package io.nimbusmq.broker.auth;

import java.util.Objects;

/**
 * One line of a user's permissions: for topics or groups whose name matches {@code pattern}, the {@code actions}
 * (PUB and/or SUB bits of {@link Permission}) are allowed or denied, optionally only from some addresses.
 *
 * <p>Both ACL formats become rules: {@code plain_acl.yml}'s {@code topicPerms: [orders=PUB]} is "orders: PUB
 * allowed, SUB denied", and its {@code defaultTopicPerm} a {@link #fallback()} rule for {@code *}; an ACL 2.0 policy
 * entry {@code Topic:orders* [PUB] ALLOW} is one rule with a prefix pattern.
 *
 * @param kind             TOPIC or GROUP
 * @param pattern          a name, {@code prefix*}, or {@code *} for all
 * @param actions          the PUB and/or SUB bits this rule decides
 * @param allow            whether the actions are allowed (otherwise denied)
 * @param sourceAddresses  addresses the rule applies to; {@code null} for all
 * @param fallback         a default of {@code plain_acl.yml} (refusals then say "No default permission")
 */
public record AccessRule(Resource.Kind kind, String pattern, byte actions, boolean allow,
        AddressPattern sourceAddresses, boolean fallback) {

    public AccessRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("a resource pattern must not be empty");
        }
    }

    /** Whether the rule speaks about {@code resource}, {@code action} (one bit), from {@code ip}. */
    public boolean appliesTo(Resource resource, byte action, String ip) {
        return resource.kind() == kind && (actions & action) != 0 && matchesName(resource.name())
                && (sourceAddresses == null || sourceAddresses.matches(ip));
    }

    private boolean matchesName(String name) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return name.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return name.equals(pattern);
    }

    /**
     * How specific the pattern is; the most specific rule that applies decides. An exact name beats any prefix, a
     * longer prefix a shorter one, and {@code *} comes last.
     */
    public int specificity() {
        if (pattern.equals("*")) {
            return 0;
        }
        return pattern.endsWith("*") ? pattern.length() : Integer.MAX_VALUE;
    }
}
