package io.nimbusmq.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.tls.TlsClientConfig;

/**
 * What a {@link MqClient} needs: the name servers and its timings. Defaults are the official client's.
 *
 * @param nameServers         {@code host:port} addresses (a {@code "a:9876;b:9876"} string is split by the builder)
 * @param instanceName        the second half of the client id; unique per client instance in one JVM
 * @param clientIp            the first half of the client id; defaults to this machine's first non-loopback IPv4
 * @param requestTimeout      default timeout of a request to a name server or broker
 * @param heartbeatInterval   broker heartbeats (30 s)
 * @param routeRefreshInterval topic route refresh (30 s)
 * @param credentials         access key and secret key signing every request (brokers and name servers with ACL on),
 *                            or {@code null} to send unsigned requests
 * @param tls                 TLS on every connection ({@link TlsClientConfig#disabled()} by default)
 * @param namespace           RocketMQ namespace of every topic and group this client uses ({@code ns%name} on the
 *                            wire, see {@link io.nimbusmq.message.Namespaces}); {@code null} for none
 */
public record ClientConfig(List<String> nameServers, String instanceName, String clientIp, Duration requestTimeout,
        Duration heartbeatInterval, Duration routeRefreshInterval, SessionCredentials credentials,
        TlsClientConfig tls, String namespace) {

    public ClientConfig {
        nameServers = List.copyOf(nameServers);
        if (nameServers.isEmpty()) {
            throw new IllegalArgumentException("at least one name server address is required");
        }
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(routeRefreshInterval, "routeRefreshInterval");
        tls = tls == null ? TlsClientConfig.disabled() : tls;
        namespace = namespace == null || namespace.isEmpty() ? null : namespace;
        if (!io.nimbusmq.message.Namespaces.isValid(namespace)) {
            throw new IllegalArgumentException("namespace '" + namespace
                    + "' is not valid: only letters, digits, '_' and '-' are allowed");
        }
    }

    /** This configuration with another namespace ({@code null} for none). */
    public ClientConfig withNamespace(String value) {
        return new ClientConfig(nameServers, instanceName, clientIp, requestTimeout, heartbeatInterval,
                routeRefreshInterval, credentials, tls, value);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<String> nameServers = List.of();
        private String instanceName = "DEFAULT";
        private String clientIp;
        private Duration requestTimeout = Duration.ofSeconds(3);
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private Duration routeRefreshInterval = Duration.ofSeconds(30);
        private SessionCredentials credentials;
        private TlsClientConfig tls = TlsClientConfig.disabled();
        private String namespace;

        /** {@code "host:port"} or several separated by {@code ;}. */
        public Builder nameServer(String addresses) {
            this.nameServers = List.of(addresses.trim().split("\\s*;\\s*"));
            return this;
        }

        public Builder nameServers(List<String> addresses) {
            this.nameServers = addresses;
            return this;
        }

        public Builder instanceName(String value) {
            this.instanceName = value;
            return this;
        }

        public Builder clientIp(String value) {
            this.clientIp = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = value;
            return this;
        }

        public Builder routeRefreshInterval(Duration value) {
            this.routeRefreshInterval = value;
            return this;
        }

        /**
         * Signs every request with these credentials, as the official client's {@code AclClientRPCHook}; {@code null}
         * (the default) sends unsigned requests.
         */
        public Builder credentials(SessionCredentials value) {
            this.credentials = value;
            return this;
        }

        /** Signs every request with this access key and secret key. */
        public Builder credentials(String accessKey, String secretKey) {
            return credentials(new SessionCredentials(accessKey, secretKey));
        }

        /**
         * TLS on every connection, e.g. {@code TlsClientConfig.trusting(Path.of("ca.pem"))}; off by default. A broker
         * in permissive mode serves both.
         */
        public Builder tls(TlsClientConfig value) {
            this.tls = value;
            return this;
        }

        /**
         * The RocketMQ namespace of every topic and group, as the official client's {@code setNamespace} (not
         * {@code setNamespaceV2}, which wraps nothing): the application names {@code orders}, the brokers see
         * {@code ns%orders}.
         */
        public Builder namespace(String value) {
            this.namespace = value;
            return this;
        }

        public ClientConfig build() {
            return new ClientConfig(nameServers, instanceName,
                    clientIp != null ? clientIp : io.nimbusmq.client.internal.LocalAddress.ipv4(),
                    requestTimeout, heartbeatInterval, routeRefreshInterval, credentials, tls, namespace);
        }
    }
}
