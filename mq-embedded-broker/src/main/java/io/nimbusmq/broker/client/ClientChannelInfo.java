package io.nimbusmq.broker.client;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.protocol.LanguageCode;
import io.nimbusmq.remoting.protocol.body.client.Connection;
import java.util.Objects;

/**
 * One client connection as registered by its heartbeats: the channel to reach it on, who it is, and when it was last
 * heard from. Immutable; a new heartbeat replaces the record.
 *
 * @param clientId the heartbeat's {@code clientID} (remoting-protocol.md §8.2)
 * @param language the heartbeat command's {@code language}
 * @param version the heartbeat command's {@code version} (the client's MQVersion ordinal)
 * @param lastUpdateMillis when the latest heartbeat on this channel arrived, epoch milliseconds
 */
public record ClientChannelInfo(Channel channel, String clientId, LanguageCode language, int version,
        long lastUpdateMillis) {

    public ClientChannelInfo {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(clientId, "clientId");
        language = language == null ? LanguageCode.JAVA : language;
    }

    /** The same client, heard from at {@code millis}. */
    public ClientChannelInfo withLastUpdateMillis(long millis) {
        return new ClientChannelInfo(channel, clientId, language, version, millis);
    }

    /** Whether nothing was heard for more than {@code expiryMillis} before {@code nowMillis}. */
    public boolean isExpired(long nowMillis, long expiryMillis) {
        return nowMillis - lastUpdateMillis > expiryMillis;
    }

    /** The client's {@code ip:port} as this broker sees it. */
    public String clientAddress() {
        return RemotingAddresses.toAddress(channel.remoteAddress());
    }

    /** This client as an entry of the admin connection lists. */
    public Connection toConnection() {
        return new Connection(clientId, clientAddress(), language, version);
    }
}
