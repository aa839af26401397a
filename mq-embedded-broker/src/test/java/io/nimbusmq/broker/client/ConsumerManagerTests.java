package io.nimbusmq.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.LanguageCode;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerManagerTests {

    private static final long EXPIRY_MILLIS = ConsumerManager.DEFAULT_CHANNEL_EXPIRY_MILLIS;

    private final List<Change> changes = new ArrayList<>();
    private final ConsumerManager manager =
            new ConsumerManager((group, channels) -> changes.add(new Change(group, channels)));
    private final EmbeddedChannel channelA = new EmbeddedChannel();
    private final EmbeddedChannel channelB = new EmbeddedChannel();

    @Test
    void firstHeartbeatChangesMembershipAndRepeatsDoNot() {
        assertThat(register("cg", channelA, "client-a", 1_000, sub("T", 1))).isTrue();
        assertThat(register("cg", channelA, "client-a", 31_000, sub("T", 1))).isFalse();

        assertThat(manager.consumerIds("cg")).containsExactly("client-a");
        assertThat(changes).containsExactly(new Change("cg", List.of(channelA)));
        assertThat(manager.group("cg")).get().extracting(ConsumerGroupInfo::lastUpdateMillis).isEqualTo(31_000L);
    }

    @Test
    void secondMemberChangesMembershipAndListenerSeesBoth() {
        register("cg", channelA, "client-b", 1_000, sub("T", 1));
        changes.clear();

        assertThat(register("cg", channelB, "client-a", 2_000, sub("T", 1))).isTrue();

        assertThat(manager.consumerIds("cg")).containsExactly("client-a", "client-b");
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.group()).isEqualTo("cg");
            assertThat(change.channels()).containsExactlyInAnyOrder(channelA, channelB);
        });
    }

    @Test
    void sameChannelWithAnotherClientIdChangesMembership() {
        register("cg", channelA, "client-a", 1_000, sub("T", 1));

        assertThat(register("cg", channelA, "client-a2", 2_000, sub("T", 1))).isTrue();
        assertThat(manager.consumerIds("cg")).containsExactly("client-a2");
    }

    @Test
    void consumerIdsAreDistinctAndSorted() {
        register("cg", channelA, "same", 1_000, sub("T", 1));
        register("cg", channelB, "same", 1_000, sub("T", 1));

        assertThat(manager.consumerIds("cg")).containsExactly("same");
        assertThat(manager.consumerIds("unknown")).isEmpty();
    }

    @Test
    void keepsSubscriptionUntilStrictlyNewerVersion() {
        register("cg", channelA, "client-a", 1_000, sub("T", 10));

        register("cg", channelA, "client-a", 2_000, SubscriptionData.ofTags("T", "older", 9));
        register("cg", channelA, "client-a", 3_000, SubscriptionData.ofTags("T", "same", 10));
        assertThat(manager.findSubscription("cg", "T")).get().extracting(SubscriptionData::subString)
                .isEqualTo("*");

        register("cg", channelA, "client-a", 4_000, SubscriptionData.ofTags("T", "newer", 11));
        assertThat(manager.findSubscription("cg", "T")).get().extracting(SubscriptionData::subString)
                .isEqualTo("newer");
    }

    @Test
    void addsNewTopicsAndDropsTopicsNoLongerListed() {
        register("cg", channelA, "client-a", 1_000, sub("T1", 1), sub("T2", 1));

        register("cg", channelA, "client-a", 2_000, sub("T2", 1), sub("T3", 1));

        assertThat(manager.group("cg")).get().extracting(info -> info.subscriptions().keySet())
                .isEqualTo(Set.of("T2", "T3"));
        assertThat(manager.findSubscription("cg", "T1")).isEmpty();
        assertThat(manager.findSubscription("other", "T2")).isEmpty();
    }

    @Test
    void nullSubscriptionsLeaveTableAlone() {
        register("cg", channelA, "client-a", 1_000, sub("T", 1));

        manager.register("cg", client(channelA, "client-a", 2_000), ConsumeType.CONSUME_PASSIVELY,
                MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, null);

        assertThat(manager.findSubscription("cg", "T")).isPresent();
    }

    @Test
    void latestHeartbeatSetsGroupSettings() {
        register("cg", channelA, "client-a", 1_000, sub("T", 1));
        manager.register("cg", client(channelB, "client-b", 2_000), ConsumeType.CONSUME_ACTIVELY,
                MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, List.of(sub("T", 1)));

        ConsumerGroupInfo info = manager.group("cg").orElseThrow();
        assertThat(info.consumeType()).isEqualTo(ConsumeType.CONSUME_ACTIVELY);
        assertThat(info.consumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        assertThat(info.findClient("client-b")).get().extracting(ClientChannelInfo::channel).isEqualTo(channelB);
    }

    @Test
    void unregisterRemovesMemberAndNotifiesTheRest() {
        register("cg", channelA, "client-a", 1_000, sub("T", 1));
        register("cg", channelB, "client-b", 1_000, sub("T", 1));
        changes.clear();

        assertThat(manager.unregister("cg", channelA)).isTrue();
        assertThat(manager.unregister("cg", channelA)).isFalse();

        assertThat(manager.consumerIds("cg")).containsExactly("client-b");
        assertThat(changes).containsExactly(new Change("cg", List.of(channelB)));
    }

    @Test
    void lastMemberLeavingDropsGroup() {
        register("cg", channelA, "client-a", 1_000, sub("T", 1));
        changes.clear();

        manager.unregister("cg", channelA);

        assertThat(manager.group("cg")).isEmpty();
        assertThat(manager.groups()).isEmpty();
        assertThat(manager.findSubscription("cg", "T")).isEmpty();
        assertThat(changes).containsExactly(new Change("cg", List.of()));
    }

    @Test
    void closedChannelLeavesEveryGroup() {
        register("cg1", channelA, "client-a", 1_000, sub("T", 1));
        register("cg2", channelA, "client-a", 1_000, sub("T", 1));
        register("cg2", channelB, "client-b", 1_000, sub("T", 1));
        changes.clear();

        assertThat(manager.onChannelClosed(channelA)).containsExactlyInAnyOrder("cg1", "cg2");

        assertThat(manager.groups()).containsExactly("cg2");
        assertThat(manager.consumerIds("cg2")).containsExactly("client-b");
        assertThat(changes).containsExactlyInAnyOrder(new Change("cg1", List.of()),
                new Change("cg2", List.of(channelB)));
        assertThat(manager.onChannelClosed(channelA)).isEmpty();
    }

    @Test
    void expiresOnlyChannelsSilentForLongerThanExpiry() {
        register("cg", channelA, "client-a", 1_000, sub("T", 1));
        register("cg", channelB, "client-b", 50_000, sub("T", 1));
        changes.clear();

        assertThat(manager.scanExpired(1_000 + EXPIRY_MILLIS, EXPIRY_MILLIS)).isEmpty();
        List<ClientChannelInfo> expired = manager.scanExpired(1_001 + EXPIRY_MILLIS, EXPIRY_MILLIS);

        assertThat(expired).extracting(ClientChannelInfo::clientId).containsExactly("client-a");
        assertThat(manager.consumerIds("cg")).containsExactly("client-b");
        assertThat(changes).containsExactly(new Change("cg", List.of(channelB)));
    }

    @Test
    void heartbeatRenewsExpiry() {
        register("cg", channelA, "client-a", 1_000, sub("T", 1));
        register("cg", channelA, "client-a", 100_000, sub("T", 1));

        assertThat(manager.scanExpired(1_001 + EXPIRY_MILLIS, EXPIRY_MILLIS)).isEmpty();
        assertThat(manager.scanExpired(100_001 + EXPIRY_MILLIS, EXPIRY_MILLIS)).hasSize(1);
        assertThat(manager.groups()).isEmpty();
    }

    @Test
    void broadcastingGroupsAreNotNotified() {
        manager.register("bg", client(channelA, "client-a", 1_000), ConsumeType.CONSUME_PASSIVELY,
                MessageModel.BROADCASTING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(sub("T", 1)));
        manager.unregister("bg", channelA);

        assertThat(changes).isEmpty();
    }

    @Test
    void failingListenerDoesNotUndoRegistration() {
        ConsumerManager failing = new ConsumerManager((group, channels) -> {
            throw new IllegalStateException("listener down");
        });

        assertThat(failing.register("cg", client(channelA, "client-a", 1), ConsumeType.CONSUME_PASSIVELY,
                MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of())).isTrue();
        assertThat(failing.consumerIds("cg")).containsExactly("client-a");
    }

    @Test
    void reportsGroupAsConsumerConnection() {
        register("cg", channelA, "client-a", 1_000, sub("T", 1));

        var connection = manager.group("cg").orElseThrow().toConsumerConnection();

        assertThat(connection.connectionSet()).singleElement().satisfies(entry -> {
            assertThat(entry.clientId()).isEqualTo("client-a");
            assertThat(entry.language()).isEqualTo(LanguageCode.JAVA);
            assertThat(entry.version()).isEqualTo(475);
        });
        assertThat(connection.messageModel()).isEqualTo(MessageModel.CLUSTERING);
        assertThat(connection.subscriptionTable()).containsOnlyKeys("T");
    }

    private boolean register(String group, Channel channel, String clientId, long nowMillis,
                             SubscriptionData... subscriptions) {
        return manager.register(group, client(channel, clientId, nowMillis), ConsumeType.CONSUME_PASSIVELY,
                MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, List.of(subscriptions));
    }

    static ClientChannelInfo client(Channel channel, String clientId, long nowMillis) {
        return new ClientChannelInfo(channel, clientId, LanguageCode.JAVA, 475, nowMillis);
    }

    private static SubscriptionData sub(String topic, long subVersion) {
        return SubscriptionData.ofTags(topic, "*", subVersion);
    }

    private record Change(String group, List<Channel> channels) {

        Change {
            channels = List.copyOf(channels);
        }
    }
}
