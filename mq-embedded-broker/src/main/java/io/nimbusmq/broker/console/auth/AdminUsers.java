package io.nimbusmq.broker.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;

/**
 * Who may use the console when access control is on: a user of the broker's access control who is an admin, proved
 * by its secret key: an ACL 2.0 user of type {@code Super} (its password), enabled, or an ACL 1.0
 * {@code plain_acl.yml} account with {@code admin: true}. With both on, the ACL 2.0 user of a name is asked first,
 * as the broker's own access check does. The users are read at every login, so {@code mqadmin updateUser} or a change
 * of the ACL file applies without a restart.
 */
public final class AdminUsers {

    /** Why a login was refused, in words for the login form. */
    public static final class LoginRefused extends Exception {
        LoginRefused(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Supplier<AclRules>> sources;

    /** @param sources the access controls' users, the first that knows a name decides (ACL 2.0, then ACL 1.0) */
    public AdminUsers(List<Supplier<AclRules>> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("the console's login needs at least one source of users");
        }
        this.sources = List.copyOf(sources);
    }

    private Optional<AclUser> find(String accessKey) {
        return sources.stream().map(source -> source.get().users().get(accessKey)).filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * @return the access key of the admin user these keys prove
     * @throws LoginRefused for an unknown key, a wrong secret (the same words for both) or a user that is no admin
     */
    public String authenticate(String accessKey, String secretKey) throws LoginRefused {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isEmpty()) {
            throw new LoginRefused("Enter the access key and the secret key of an admin user.");
        }
        Optional<AclUser> user = find(accessKey.trim());
        boolean secretMatches = MessageDigest.isEqual(
                user.map(AclUser::secretKey).orElse("").getBytes(StandardCharsets.UTF_8),
                secretKey.getBytes(StandardCharsets.UTF_8));
        if (user.isEmpty() || !secretMatches) {
            throw new LoginRefused("Unknown access key or wrong secret key.");
        }
        if (!user.get().enabled()) {
            throw new LoginRefused("The user " + user.get().accessKey() + " is disabled.");
        }
        if (!user.get().admin()) {
            throw new LoginRefused("The user " + user.get().accessKey() + " is not an admin; the console needs an "
                    + "ACL 2.0 user of type Super or an ACL 1.0 account with admin: true.");
        }
        return user.get().accessKey();
    }
}
