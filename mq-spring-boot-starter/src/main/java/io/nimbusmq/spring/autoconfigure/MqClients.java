package io.nimbusmq.spring.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.StringUtils;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.remoting.acl.SessionCredentials;

/**
 * The clients of the application by credentials: the {@link MqClient} bean for {@code mq.access-key} (or none), and
 * one more client, made on first use, for each other access key a producer or listener is given
 * ({@code mq.producer.access-key}, {@code mq.listeners.<group>.access-key}). A client signs every request with one
 * key, as the official client's RPC hook does, so that other keys need clients (connections) of their own; those
 * are closed with the context. Their instance name is the main one followed by {@code -<access key>}.
 */
final class MqClients implements DisposableBean {

    private final MqClient primary;
    private final ClientConfig primaryConfig;
    private final Map<SessionCredentials, MqClient> others = new ConcurrentHashMap<>();

    /** @param primaryConfig the configuration {@code primary} was made with, or null when the application made it */
    MqClients(MqClient primary, ClientConfig primaryConfig) {
        this.primary = primary;
        this.primaryConfig = primaryConfig;
    }

    /** The client for {@code credentials} ({@code accessKey}/{@code secretKey} set or not), falling back on mq.*. */
    MqClient forCredentials(MqProperties.Credentials credentials) {
        if (credentials == null || !StringUtils.hasText(credentials.getAccessKey())) {
            return primary;
        }
        SessionCredentials wanted = SessionCredentials.ofNullable(credentials.getAccessKey(),
                credentials.getSecretKey());
        if (primaryConfig == null) {
            throw new IllegalStateException("an access key of its own (" + wanted.accessKey() + ") needs the "
                    + "auto-configured MqClient; the application defines its own");
        }
        if (wanted.equals(primaryConfig.credentials())) {
            return primary;
        }
        return others.computeIfAbsent(wanted, key -> MqClient.create(new ClientConfig(primaryConfig.nameServers(),
                primaryConfig.instanceName() + "-" + key.accessKey(), primaryConfig.clientIp(),
                primaryConfig.requestTimeout(), primaryConfig.heartbeatInterval(),
                primaryConfig.routeRefreshInterval(), key, primaryConfig.tls())));
    }

    @Override
    public void destroy() {
        others.values().forEach(MqClient::close);
        others.clear();
    }
}
