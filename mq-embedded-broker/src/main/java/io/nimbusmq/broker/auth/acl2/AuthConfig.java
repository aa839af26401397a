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

    /** Whether either check is on. */
    public boolean enabled() {
        return authenticationEnabled || authorizationEnabled;
    }
}
