package io.nimbusmq.broker.auth;

import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.tls.TlsServerConfig;

/**
 * Who may use the broker and how they connect; everything off by default.
 *
 * @param acl                    ACL 1.0 ({@code aclEnable}, {@code plain_acl.yml}) on every request (the embedded
 *                               name server's too)
 * @param auth                   ACL 2.0 ({@code authenticationEnabled}, {@code authorizationEnabled}: users and
 *                               policies managed with mqadmin); with {@code acl} on as well, a request must pass both
 * @param tls                    TLS on the broker's port
 * @param nameServerCredentials  signs the broker's registrations with external name servers that have ACL on
 *                               (RocketMQ's {@code innerClientAuthenticationCredentials}); {@code null} for none
 */
public record SecurityConfig(AclConfig acl, AuthConfig auth, TlsServerConfig tls,
        SessionCredentials nameServerCredentials) {

    public SecurityConfig {
        acl = acl == null ? AclConfig.disabled() : acl;
        auth = auth == null ? AuthConfig.disabled() : auth;
        tls = tls == null ? TlsServerConfig.disabled() : tls;
    }

    public static SecurityConfig disabled() {
        return new SecurityConfig(null, null, null, null);
    }

    public SecurityConfig withAcl(AclConfig value) {
        return new SecurityConfig(value, auth, tls, nameServerCredentials);
    }

    public SecurityConfig withAuth(AuthConfig value) {
        return new SecurityConfig(acl, value, tls, nameServerCredentials);
    }

    public SecurityConfig withTls(TlsServerConfig value) {
        return new SecurityConfig(acl, auth, value, nameServerCredentials);
    }

    public SecurityConfig withNameServerCredentials(SessionCredentials value) {
        return new SecurityConfig(acl, auth, tls, value);
    }
}
