package io.nimbusmq.broker.client;

import static io.nimbusmq.broker.client.ConsumerManagerTests.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.body.client.Connection;
import org.junit.jupiter.api.Test;

class ProducerManagerTests {

    private static final long EXPIRY_MILLIS = 120_000;

    private final ProducerManager manager = new ProducerManager();
    private final EmbeddedChannel channelA = new EmbeddedChannel();
    private final EmbeddedChannel channelB = new EmbeddedChannel();

    @Test
    void registersEachChannelOncePerGroup() {
        assertThat(manager.register("pg", client(channelA, "client-a", 1_000))).isTrue();
        assertThat(manager.register("pg", client(channelA, "client-a", 2_000))).isFalse();
        assertThat(manager.register("pg", client(channelB, "client-b", 2_000))).isTrue();

        assertThat(manager.connections("pg")).extracting(ClientChannelInfo::clientId)
                .containsExactlyInAnyOrder("client-a", "client-b");
        assertThat(manager.groups()).containsExactly("pg");
        assertThat(manager.connections("other")).isEmpty();
    }

    @Test
    void unregisterDropsEmptyGroup() {
        manager.register("pg", client(channelA, "client-a", 1_000));

        assertThat(manager.unregister("pg", channelA)).isTrue();
        assertThat(manager.unregister("pg", channelA)).isFalse();
        assertThat(manager.groups()).isEmpty();
    }

    @Test
    void closedChannelLeavesEveryGroup() {
        manager.register("pg", client(channelA, "client-a", 1_000));
        manager.register("CLIENT_INNER_PRODUCER", client(channelA, "client-a", 1_000));
        manager.register("pg", client(channelB, "client-b", 1_000));

        assertThat(manager.onChannelClosed(channelA)).containsExactlyInAnyOrder("pg", "CLIENT_INNER_PRODUCER");

        assertThat(manager.groups()).containsExactly("pg");
        assertThat(manager.connections("pg")).extracting(ClientChannelInfo::clientId).containsExactly("client-b");
    }

    @Test
    void expiresOnlySilentChannels() {
        manager.register("pg", client(channelA, "client-a", 1_000));
        manager.register("pg", client(channelB, "client-b", 2_000));

        assertThat(manager.scanExpired(1_000 + EXPIRY_MILLIS, EXPIRY_MILLIS)).isEmpty();
        assertThat(manager.scanExpired(1_001 + EXPIRY_MILLIS, EXPIRY_MILLIS))
                .extracting(ClientChannelInfo::clientId).containsExactly("client-a");
        assertThat(manager.connections("pg")).extracting(ClientChannelInfo::clientId).containsExactly("client-b");
    }

    @Test
    void anyChannelPicksAnActiveMember() {
        manager.register("pg", client(channelA, "client-a", 1_000));
        manager.register("pg", client(channelB, "client-b", 1_000));
        channelA.close();

        for (int i = 0; i < 20; i++) {
            assertThat(manager.anyChannel("pg")).contains(channelB);
        }
        channelB.close();
        assertThat(manager.anyChannel("pg")).isEmpty();
        assertThat(manager.anyChannel("unknown")).isEmpty();
    }

    @Test
    void findsChannelByClientId() {
        manager.register("pg", client(channelA, "client-a", 1_000));

        assertThat(manager.findChannel("client-a")).contains(channelA);
        assertThat(manager.findChannel("client-x")).isEmpty();
    }

    @Test
    void reportsProducerConnection() {
        manager.register("pg", client(channelA, "client-a", 1_000));

        assertThat(manager.producerConnection("pg").connectionSet()).extracting(Connection::clientId)
                .containsExactly("client-a");
        assertThat(manager.producerConnection("none").connectionSet()).isEmpty();
    }
}
