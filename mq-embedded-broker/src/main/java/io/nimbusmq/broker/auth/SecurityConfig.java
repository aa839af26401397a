package io.nimbusmq.broker.auth;

import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.tls.TlsServerConfig;

/**
 * Who may use the broker and how they connect; everything off by default.
 *
 * @param acl                    access control of every request (the embedded name server's too)
 * @param tls                    TLS on the broker's port
 * @param nameServerCredentials  signs the broker's registrations with external name servers that have ACL on
 *                               (RocketMQ's {@code innerClientAuthenticationCredentials}); {@code null} for none
 */
public record SecurityConfig(AclConfig acl, TlsServerConfig tls, SessionCredentials nameServerCredentials) {

    public SecurityConfig {
        acl = acl == null ? AclConfig.disabled() : acl;
        tls = tls == null ? TlsServerConfig.disabled() : tls;
    }

    public static SecurityConfig disabled() {
        return new SecurityConfig(null, null, null);
    }

    public SecurityConfig withAcl(AclConfig value) {
        return new SecurityConfig(value, tls, nameServerCredentials);
    }

    public SecurityConfig withTls(TlsServerConfig value) {
        return new SecurityConfig(acl, value, nameServerCredentials);
    }

    public SecurityConfig withNameServerCredentials(SessionCredentials value) {
        return new SecurityConfig(acl, tls, value);
    }
}
