package io.nimbusmq.spring.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.StringUtils;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.remoting.acl.SessionCredentials;

/**
 * The clients of the application, by connection and credentials: the {@link MqClient} bean for the default connection
 * ({@code mq.name-server}, {@code mq.access-key}, {@code mq.namespace}); one client per named connection
 * ({@code mq.connections.<name>.*}, made on first use); and one more, made on first use, for each other access key a
 * producer or listener of a connection is given ({@code mq.producer.access-key},
 * {@code mq.listeners.<group>.access-key}). A client signs every request with one key, as the official client's RPC
 * hook does, and applies one namespace, so that other keys and namespaces ({@code @MessageListener(namespace)},
 * {@code MqTemplate.withNamespace}) need clients of their own; those are closed with the context. Their instance name
 * is the connection's followed by {@code -<access key>} and {@code -<namespace>}.
 */
final class MqClients implements DisposableBean {

    /** The default connection's name. */
    static final String DEFAULT = "";

    private record Key(String connection, SessionCredentials credentials, String namespace) {
    }

    private final MqClient primary;
    private final ClientConfig primaryConfig;
    private final Map<String, ClientConfig> connectionConfigs;
    private final Map<Key, MqClient> others = new ConcurrentHashMap<>();

    /**
     * @param primaryConfig     the configuration {@code primary} was made with, or null when the application made it
     * @param connectionConfigs the named connections' client configurations
     */
    MqClients(MqClient primary, ClientConfig primaryConfig, Map<String, ClientConfig> connectionConfigs) {
        this.primary = primary;
        this.primaryConfig = primaryConfig;
        this.connectionConfigs = Map.copyOf(connectionConfigs);
    }

    /** The client for {@code credentials} ({@code accessKey}/{@code secretKey} set or not), falling back on mq.*. */
    MqClient forCredentials(MqProperties.Credentials credentials) {
        return client(DEFAULT, credentials, "mq.connections");
    }

    /** {@link #client(String, MqProperties.Credentials, String, String)} in the connection's own namespace. */
    MqClient client(String connection, MqProperties.Credentials credentials, String usedBy) {
        return client(connection, credentials, null, usedBy);
    }

    /**
     * The client of connection {@code connection} ({@link #DEFAULT} for the default one), signing with
     * {@code credentials} when they name an access key, else with the connection's own, in {@code namespace} when
     * it is set, else in the connection's namespace.
     *
     * @param usedBy the setting that names the connection, for the error
     * @throws MqConfigurationException when no such connection is configured
     */
    MqClient client(String connection, MqProperties.Credentials credentials, String namespace, String usedBy) {
        String name = connection == null ? DEFAULT : connection;
        ClientConfig base = name.isEmpty() ? primaryConfig : connectionConfigs.get(name);
        if (!name.isEmpty() && base == null) {
            throw unknownConnection(usedBy, name, connectionConfigs.keySet());
        }
        SessionCredentials wanted = credentials == null || !StringUtils.hasText(credentials.getAccessKey()) ? null
                : SessionCredentials.ofNullable(credentials.getAccessKey(), credentials.getSecretKey());
        String otherNamespace = isOwnNamespace(name, namespace) ? null : namespace;
        if (name.isEmpty() && otherNamespace == null
                && (wanted == null || primaryConfig != null && wanted.equals(primaryConfig.credentials()))) {
            return primary;
        }
        if (base == null) {
            throw new IllegalStateException("an access key (" + (wanted == null ? "-" : wanted.accessKey())
                    + ") or namespace (" + otherNamespace + ") of its own needs the auto-configured MqClient; the "
                    + "application defines its own");
        }
        SessionCredentials effective = wanted != null ? wanted : base.credentials();
        String effectiveNamespace = otherNamespace != null ? otherNamespace : base.namespace();
        return others.computeIfAbsent(new Key(name, effective, effectiveNamespace), key -> MqClient.create(
                new ClientConfig(base.nameServers(), instanceName(base, wanted, otherNamespace), base.clientIp(),
                        base.requestTimeout(), base.heartbeatInterval(), base.routeRefreshInterval(), effective,
                        base.tls(), effectiveNamespace)));
    }

    /** Whether {@code namespace} is empty or the one connection {@code connection} has anyway. */
    boolean isOwnNamespace(String connection, String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return true;
        }
        ClientConfig base = connection == null || connection.isEmpty()
                ? (primaryConfig != null ? primaryConfig : primary.config()) : connectionConfigs.get(connection);
        return base != null && namespace.equals(base.namespace());
    }

    /** Another key or namespace than the connection's: a distinct client id, which reply pushes are routed by. */
    private static String instanceName(ClientConfig base, SessionCredentials wanted, String otherNamespace) {
        String name = wanted != null && !wanted.equals(base.credentials()) ? base.instanceName() + "-"
                + wanted.accessKey() : base.instanceName();
        return otherNamespace != null ? name + "-" + otherNamespace : name;
    }

    private static MqConfigurationException unknownConnection(String usedBy, String name,
            java.util.Set<String> known) {
        return new MqConfigurationException(usedBy, name, "no connection mq.connections." + name
                + " is configured", "Add mq.connections." + name + ".name-server=<host:port>, or use one of the "
                + "configured connections: " + (known.isEmpty() ? "(none)" : String.join(", ", known.stream()
                .sorted().toList())) + ".");
    }

    @Override
    public void destroy() {
        others.values().forEach(MqClient::close);
        others.clear();
    }
}
