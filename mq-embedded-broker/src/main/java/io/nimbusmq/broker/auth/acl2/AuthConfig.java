package io.nimbusmq.broker.auth.acl2;

import io.nimbusmq.remoting.acl.SessionCredentials;

/**
 * ACL 2.0 settings, RocketMQ 5.3's {@code authenticationEnabled} and {@code authorizationEnabled}; off by default.
 * Either one on keeps the users and policies in {@code <config dir>/acl} ({@link UserPolicyStore}) and serves the
 * AUTH_* admin requests that manage them.
 *
 * @param authenticationEnabled every request must be signed by a known, enabled user (user name as access key,
 *                              password as secret key)
 * @param authorizationEnabled  every request must be allowed by its user's policies (super users are allowed
 *                              everything)
 * @param initUser              a super user created at start-up unless a user of that name exists
 *                              ({@code initAuthenticationUser}); {@code null} for none. Without one (or a store that
 *                              has users already) nobody can sign the requests that create users.
 */
public record AuthConfig(boolean authenticationEnabled, boolean authorizationEnabled, SessionCredentials initUser) {

    public static AuthConfig disabled() {
        return new AuthConfig(false, false, null);
    }

    /** Authentication and authorization on, with {@code initUser} as the first super user ({@code null}: none). */
    public static AuthConfig enabled(SessionCredentials initUser) {
        return new AuthConfig(true, true, initUser);
    }

    /**
     * The initial user written as {@code NAME:PASSWORD} (the password may contain colons).
     *
     * @return {@code null} for {@code null} or blank text
     * @throws IllegalArgumentException when the name or the password is missing
     */
    public static SessionCredentials parseInitUser(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.substring(0, colon).isBlank()) {
            throw new IllegalArgumentException("init-authentication-user must be NAME:PASSWORD");
        }
        return new SessionCredentials(text.substring(0, colon).trim(), text.substring(colon + 1), null);
    }

    /** Whether either check is on. */
    public boolean enabled() {
        return authenticationEnabled || authorizationEnabled;
    }
}
