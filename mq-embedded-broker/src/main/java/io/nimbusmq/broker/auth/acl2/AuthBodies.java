package io.nimbusmq.broker.auth.acl2;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.nimbusmq.broker.auth.AccessRule;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.AddressPattern;
import io.nimbusmq.broker.auth.PolicyType;
import io.nimbusmq.broker.auth.ResourcePattern;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyEntryInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyInfo;
import io.nimbusmq.remoting.protocol.body.auth.UserInfo;

/**
 * ACL 2.0's bodies ({@link UserInfo}, {@link AclInfo}, as mqadmin and the dashboard send them and as
 * {@code users.json} and {@code policies.json} keep them) to and from the one model underneath: {@link AclUser}s
 * with {@link AccessRule}s. Reading validates as RocketMQ 5.3 does, with its messages, and is stricter where RocketMQ
 * silently drops what it does not understand (an unknown action, user type or status is an error here).
 */
public final class AuthBodies {

    private static final String SUBJECT_PREFIX = "User:";
    private static final String SUPER = "Super";
    private static final String NORMAL = "Normal";
    private static final String ENABLE = "enable";
    private static final String DISABLE = "disable";

    private AuthBodies() {
    }

    /**
     * A new user from {@code info}: type Normal and status enable unless given.
     *
     * @throws AuthException when the name or the password is blank, or the type or status is unknown
     */
    public static AclUser newUser(UserInfo info) {
        if (info.username() == null || info.username().isBlank()) {
            throw new AuthException("username can not be blank");
        }
        if (info.password() == null || info.password().isBlank()) {
            throw new AuthException("password can not be blank");
        }
        return new AclUser(info.username(), info.password(), isSuper(info.userType(), false),
                isEnabled(info.userStatus(), true), null, List.of());
    }

    /** {@code old} with what {@code info} sets: a non-blank password, a type, a status (RocketMQ's update). */
    public static AclUser updated(AclUser old, UserInfo info) {
        String password = info.password() == null || info.password().isBlank() ? old.secretKey() : info.password();
        return new AclUser(old.accessKey(), password, isSuper(info.userType(), old.admin()),
                isEnabled(info.userStatus(), old.enabled()), old.trustedAddresses(), old.rules());
    }

    /** Whether {@code info} asks for a super user (which only a super user may create or update). */
    public static boolean asksForSuperUser(UserInfo info) {
        return isSuper(info.userType(), false);
    }

    public static UserInfo userInfo(AclUser user) {
        return new UserInfo(user.accessKey(), user.secretKey(), user.admin() ? SUPER : NORMAL,
                user.enabled() ? ENABLE : DISABLE);
    }

    /** The subject {@code User:<name>} of a user. */
    public static String subject(String username) {
        return SUBJECT_PREFIX + username;
    }

    /**
     * The user name in a subject {@code User:<name>} (type in any case).
     *
     * @throws AuthException when the subject is blank or not a user
     */
    public static String username(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new AuthException("The subject is null.");
        }
        int colon = subject.indexOf(':');
        if (colon < 0 || !subject.substring(0, colon).trim().equalsIgnoreCase("User")
                || subject.substring(colon + 1).isBlank()) {
            throw new AuthException("The subject type is null or illegal: " + subject + "; expected User:<name>");
        }
        return subject.substring(colon + 1);
    }

    /**
     * The rules an {@link AclInfo} describes, one per policy entry.
     *
     * @throws AuthException with RocketMQ's message when a policy, entry, resource, action, source address or
     *     decision is missing or invalid
     */
    public static List<AccessRule> rules(AclInfo info) {
        if (info == null || info.policies() == null || info.policies().isEmpty()) {
            throw new AuthException("The policies is empty.");
        }
        List<AccessRule> rules = new ArrayList<>();
        for (PolicyInfo policy : info.policies()) {
            PolicyType type = parse(() -> PolicyType.parse(policy.policyType()));
            if (policy.entries() == null || policy.entries().isEmpty()) {
                throw new AuthException("The policy entries is empty.");
            }
            for (PolicyEntryInfo entry : policy.entries()) {
                rules.add(rule(entry, type));
            }
        }
        return rules;
    }

    private static AccessRule rule(PolicyEntryInfo entry, PolicyType type) {
        if (entry.resource() == null || entry.resource().isBlank()) {
            throw new AuthException("The resource is null.");
        }
        ResourcePattern resource = parse(() -> ResourcePattern.parse(entry.resource()));
        if (entry.actions() == null || entry.actions().isEmpty()) {
            throw new AuthException("The actions is empty.");
        }
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (String action : entry.actions()) {
            actions.add(parse(() -> Action.parse(action)));
        }
        List<AddressPattern> sources = new ArrayList<>();
        for (String ip : entry.sourceIps() == null ? List.<String>of() : entry.sourceIps()) {
            if (ip == null || ip.isBlank()) {
                throw new AuthException("The source ip is empty.");
            }
            try {
                sources.add(AddressPattern.parseIpOrCidr(ip));
            } catch (IllegalArgumentException e) {
                throw new AuthException("The source ip is invalid: " + ip);
            }
        }
        String decision = entry.decision() == null ? "" : entry.decision().trim().toLowerCase(Locale.ROOT);
        if (!decision.equals("allow") && !decision.equals("deny")) {
            throw new AuthException("The decision is null or illegal.");
        }
        return new AccessRule(resource, actions, decision.equals("allow"), sources, type);
    }

    /**
     * {@code user}'s rules as an {@link AclInfo}, one policy per type (Custom first), keeping only the entries whose
     * resource text passes {@code entryFilter}.
     *
     * @return {@code null} when no entry remains
     */
    public static AclInfo aclInfo(AclUser user, Predicate<String> entryFilter) {
        Map<PolicyType, List<PolicyEntryInfo>> byType = new LinkedHashMap<>();
        for (AccessRule rule : user.rules()) {
            String resource = rule.resource().toString();
            if (entryFilter.test(resource)) {
                byType.computeIfAbsent(rule.policyType(), t -> new ArrayList<>()).add(entryInfo(rule, resource));
            }
        }
        if (byType.isEmpty()) {
            return null;
        }
        List<PolicyInfo> policies = new ArrayList<>();
        for (PolicyType type : PolicyType.values()) {
            if (byType.containsKey(type)) {
                policies.add(new PolicyInfo(type.wireName(), byType.get(type)));
            }
        }
        return new AclInfo(subject(user.accessKey()), policies);
    }

    private static PolicyEntryInfo entryInfo(AccessRule rule, String resource) {
        List<String> actions = EnumSet.copyOf(rule.actions()).stream().map(Action::wireName).toList();
        List<String> sourceIps = rule.sourceAddresses().isEmpty() ? null
                : rule.sourceAddresses().stream().map(AddressPattern::toString).toList();
        return new PolicyEntryInfo(resource, actions, sourceIps, rule.allow() ? "Allow" : "Deny");
    }

    private static boolean isSuper(String userType, boolean absent) {
        if (userType == null || userType.isBlank()) {
            return absent;
        }
        if (userType.trim().equalsIgnoreCase(SUPER)) {
            return true;
        }
        if (userType.trim().equalsIgnoreCase(NORMAL)) {
            return false;
        }
        throw new AuthException("unknown user type '" + userType + "'; expected Super or Normal");
    }

    private static boolean isEnabled(String userStatus, boolean absent) {
        if (userStatus == null || userStatus.isBlank()) {
            return absent;
        }
        if (userStatus.trim().equalsIgnoreCase(ENABLE)) {
            return true;
        }
        if (userStatus.trim().equalsIgnoreCase(DISABLE)) {
            return false;
        }
        throw new AuthException("unknown user status '" + userStatus + "'; expected enable or disable");
    }

    private static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new AuthException(e.getMessage());
        }
    }
}
