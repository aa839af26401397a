package io.nimbusmq.broker.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;

/**
 * Who may use the console when access control is on: a user of the broker's access control (ACL 1.0
 * {@code plain_acl.yml} account, or an ACL 2.0 user) who is an admin ({@code admin: true} / user type SUPER), proved
 * by its secret key. The rules are read at every login, so a change of the ACL file applies without a restart.
 */
public final class AdminUsers {

    /** Why a login was refused, in words for the login form. */
    public static final class LoginRefused extends Exception {
        LoginRefused(String message) {
            super(message, null, false, false);
        }
    }

    private final Supplier<AclRules> rules;

    public AdminUsers(Supplier<AclRules> rules) {
        this.rules = rules;
    }

    /**
     * @return the access key of the admin user these keys prove
     * @throws LoginRefused for an unknown key, a wrong secret (the same words for both) or a user that is no admin
     */
    public String authenticate(String accessKey, String secretKey) throws LoginRefused {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isEmpty()) {
            throw new LoginRefused("Enter the access key and the secret key of an admin user.");
        }
        Optional<AclUser> user = Optional.ofNullable(rules.get().users().get(accessKey.trim()));
        boolean secretMatches = MessageDigest.isEqual(
                user.map(AclUser::secretKey).orElse("").getBytes(StandardCharsets.UTF_8),
                secretKey.getBytes(StandardCharsets.UTF_8));
        if (user.isEmpty() || !secretMatches) {
            throw new LoginRefused("Unknown access key or wrong secret key.");
        }
        if (!user.get().admin()) {
            throw new LoginRefused("The user " + user.get().accessKey() + " is not an admin; the console needs a "
                    + "user with admin: true in the access control.");
        }
        return user.get().accessKey();
    }
}
