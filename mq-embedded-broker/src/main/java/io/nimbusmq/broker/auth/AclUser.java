package io.nimbusmq.broker.auth;

import java.util.List;
import java.util.Objects;

/**
 * A user (ACL 1.0 "account") of the access control: who signs with {@code accessKey} and {@code secretKey}, and what
 * they may do.
 *
 * @param accessKey         the user name the client sends as ext {@code AccessKey}
 * @param secretKey         the signature key; never logged nor shown
 * @param admin             may call admin request codes, and is allowed everything (ACL 1.0 {@code admin: true},
 *                          ACL 2.0 user type SUPER)
 * @param trustedAddresses  ACL 1.0 {@code whiteRemoteAddress}: requests naming this access key from a matching
 *                          address are let through without signature or permission checks (RocketMQ's
 *                          semantics); {@code null} for none
 * @param rules             the permissions; the most specific rule that applies decides, none means denied
 * @param source            where the user was defined, which decides how refusals are worded
 */
public record AclUser(String accessKey, String secretKey, boolean admin, AddressPattern trustedAddresses,
        List<AccessRule> rules, Source source) {

    /** Where a user was defined. */
    public enum Source {
        /** {@code plain_acl.yml}: refused with SYSTEM_ERROR and an {@code AclException} remark, as RocketMQ 4.x/5.x. */
        PLAIN_ACL,
        /** ACL 2.0 users and policies: refused with NO_PERMISSION, as RocketMQ 5.3 authentication. */
        ACL_2
    }

    /** RocketMQ refuses keys of 6 characters or fewer. */
    public static final int MIN_KEY_LENGTH = 7;

    public AclUser {
        Objects.requireNonNull(source, "source");
        if (accessKey == null || accessKey.length() < MIN_KEY_LENGTH || secretKey == null
                || secretKey.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("The accessKey=" + accessKey
                    + " and secretKey cannot be null and length should longer than 6");
        }
        rules = List.copyOf(rules);
    }

    @Override
    public String toString() {
        return "AclUser[accessKey=" + accessKey + ", secretKey=******, admin=" + admin + ", trustedAddresses="
                + trustedAddresses + ", rules=" + rules.size() + ", source=" + source + "]";
    }
}
