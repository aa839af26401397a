package io.nimbusmq.broker.auth;

import java.util.List;
import java.util.Set;

/**
 * A user of the access control (an ACL 1.0 "account", an ACL 2.0 user with its policies): who signs with
 * {@code accessKey} and {@code secretKey}, and what they may do.
 *
 * @param accessKey         the user name the client sends as ext {@code AccessKey}
 * @param secretKey         the signature key (ACL 2.0's password); never logged nor shown
 * @param admin             allowed everything, admin request codes included (ACL 1.0 {@code admin: true}, ACL 2.0
 *                          user type {@code Super})
 * @param enabled           ACL 2.0 user status: a disabled user is refused at authentication (ACL 1.0: always true)
 * @param trustedAddresses  ACL 1.0 {@code whiteRemoteAddress}: requests naming this access key from a matching
 *                          address are let through without signature or permission checks (RocketMQ's
 *                          semantics); {@code null} for none
 * @param rules             the permissions; see {@link #decisiveRule}
 */
public record AclUser(String accessKey, String secretKey, boolean admin, boolean enabled,
        AddressPattern trustedAddresses, List<AccessRule> rules) {

    public AclUser {
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("a user needs a name (access key)");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the user " + accessKey + " needs a password (secret key)");
        }
        rules = List.copyOf(rules);
    }

    public AclUser withRules(List<AccessRule> value) {
        return new AclUser(accessKey, secretKey, admin, enabled, trustedAddresses, value);
    }

    /**
     * The rule that decides whether this user may do any one of {@code needed} to {@code resource} from {@code ip}:
     * among the custom rules that apply (or, if none does, the default rules that apply) the one with the most
     * specific resource pattern ({@link ResourcePattern#specificity()}); among equally specific ones a denial.
     *
     * @return {@code null} when no rule applies, which means denied
     */
    public AccessRule decisiveRule(Resource resource, Set<Action> needed, String ip) {
        AccessRule custom = mostSpecific(resource, needed, ip, PolicyType.CUSTOM);
        return custom != null ? custom : mostSpecific(resource, needed, ip, PolicyType.DEFAULT);
    }

    private AccessRule mostSpecific(Resource resource, Set<Action> needed, String ip, PolicyType type) {
        AccessRule best = null;
        for (AccessRule rule : rules) {
            if (rule.policyType() != type || !rule.appliesTo(resource, needed, ip)) {
                continue;
            }
            int specificity = rule.resource().specificity();
            if (best == null || specificity > best.resource().specificity()
                    || specificity == best.resource().specificity() && !rule.allow()) {
                best = rule;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "AclUser[accessKey=" + accessKey + ", secretKey=******, admin=" + admin + ", enabled=" + enabled
                + ", trustedAddresses=" + trustedAddresses + ", rules=" + rules.size() + "]";
    }
}
