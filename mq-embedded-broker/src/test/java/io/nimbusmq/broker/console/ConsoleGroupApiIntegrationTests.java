package io.nimbusmq.broker.console;

import static io.nimbusmq.broker.console.ConsoleTopicApiIntegrationTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.nimbusmq.message.SystemTopics;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer groups API with live consumers of the official client: members, lag against the official consume
 * stats, lag history, offset resets checked through the admin client, deletion, and the refusals.
 */
class ConsoleGroupApiIntegrationTests {

    @RegisterExtension
    static final ConsoleBroker broker = new ConsoleBroker();

    @Test
    void showsMembersSubscriptionsAndALagThatMatchesTheOfficialConsumeStats() throws Exception {
        String topic = broker.createTopic("lagging", 4);
        String group = ConsoleBroker.uniqueName("cg");
        CountDownLatch release = new CountDownLatch(1);
        try {
            broker.send(broker.producer(), topic, "held", 20);
            broker.awaitStored(topic, 20);
            DefaultMQPushConsumer consumer = broker.consumer(group, topic, blockingUntil(release), 16);
            await("member online").atMost(ConsoleBroker.PATIENCE).until(() -> broker.http()
                    .get("/api/groups/" + group).json().path("members").size() == 1);
            assertLagMatchesOfficialStats(topic, group, consumer);
        } finally {
            release.countDown();
        }
    }

    private static void assertLagMatchesOfficialStats(String topic, String group, DefaultMQPushConsumer consumer)
            throws Exception {
        JsonNode detail = broker.http().get("/api/groups/" + group).json();

        assertThat(detail.path("online").asBoolean()).isTrue();
        assertThat(detail.path("messageModel").asText()).isEqualTo("CLUSTERING");
        assertThat(detail.path("members")).hasSize(1);
        JsonNode member = detail.path("members").get(0);
        assertThat(member.path("clientId").asText()).isEqualTo(consumer.getDefaultMQPushConsumerImpl()
                .getmQClientFactory().getClientId());
        assertThat(member.path("language").asText()).isEqualTo("JAVA");
        assertThat(member.path("version").asText()).isEqualTo("V5_3_1");
        assertThat(detail.path("subscriptions").findValuesAsText("topic")).contains(topic);
        long officialLag = lagOf(group, topic);
        long consoleLag = 0;
        for (JsonNode queue : detail.path("queues")) {
            if (queue.path("topic").asText().equals(topic)) {
                consoleLag += queue.path("lag").asLong();
                assertThat(queue.path("brokerOffset").asLong()).isEqualTo(broker.broker().messageStore()
                        .maxOffsetInQueue(topic, queue.path("queueId").asInt()));
            }
        }
        assertThat(consoleLag).isEqualTo(officialLag).isEqualTo(20);
        JsonNode listed = find(broker.http().get("/api/groups").json(), group);
        assertThat(listed.path("members").asInt()).isEqualTo(1);
        assertThat(listed.path("lag").asLong()).isEqualTo(detail.path("totalLag").asLong());
        await("lag history").atMost(ConsoleBroker.PATIENCE).until(() -> broker.http().get("/api/groups/" + group
                + "/lag").json().findValuesAsText("lag").stream().anyMatch(lag -> Long.parseLong(lag) == 20));
        assertAmongTheMostLagging(group, 20);
    }

    /**
     * The overview's five most lagging groups (chosen by the last lag sample, shown with their lag now) name the
     * group with its lag, unless five other groups lag at least as much.
     */
    private static void assertAmongTheMostLagging(String group, long lag) {
        await("the overview's most lagging groups").atMost(ConsoleBroker.PATIENCE).until(() -> {
            JsonNode lagging = broker.http().get("/api/overview").json().path("mostLaggingGroups");
            for (JsonNode listed : lagging) {
                if (listed.path("group").asText().equals(group)) {
                    assertThat(listed.path("lag").asLong()).isEqualTo(lag);
                    return true;
                }
            }
            return lagging.size() == 5 && lagging.findValuesAsText("lag").stream()
                    .allMatch(other -> Long.parseLong(other) >= lag);
        });
    }

    @Test
    void resetsOffsetsToTheEndAndToATimeAsTheAdminClientSeesThem() throws Exception {
        String topic = broker.createTopic("reset", 2);
        String group = ConsoleBroker.uniqueName("cg-reset");
        DefaultMQProducer producer = broker.producer();
        broker.send(producer, topic, "old", 6);
        broker.awaitStored(topic, 6);
        broker.broker().runtime().offsets().commit(group, topic, 0, 0);
        broker.broker().runtime().offsets().commit(group, topic, 1, 0);

        var toEnd = broker.http().post("/api/groups/" + group + "/reset", Map.of("topic", topic, "to", "end"));

        assertThat(toEnd.status()).isEqualTo(200);
        assertThat(toEnd.json().findValuesAsText("lag")).containsOnly("0");
        assertThat(lagOf(group, topic)).isZero();

        long middle = System.currentTimeMillis();
        await("a newer store time").atMost(ConsoleBroker.PATIENCE).until(() -> System.currentTimeMillis() > middle);
        broker.send(producer, topic, "new", 4);
        broker.awaitStored(topic, 10);
        var toTime = broker.http().post("/api/groups/" + group + "/reset", Map.of("topic", topic, "to", "time",
                "timestampMillis", 0));

        assertThat(toTime.status()).isEqualTo(200);
        assertThat(lagOf(group, topic)).isEqualTo(10);
        var toMiddle = broker.http().post("/api/groups/" + group + "/reset", Map.of("topic", topic, "to", "time",
                "timestampMillis", middle + 1));
        assertThat(toMiddle.status()).isEqualTo(200);
        assertThat(lagOf(group, topic)).isEqualTo(4);
    }

    @Test
    void deletesAnOfflineGroupButNotAnOnlineOne() throws Exception {
        String topic = broker.createTopic("delete-group", 1);
        String offline = ConsoleBroker.uniqueName("cg-gone");
        broker.broker().runtime().offsets().commit(offline, topic, 0, 0);
        String online = ConsoleBroker.uniqueName("cg-online");
        broker.consumer(online, topic, (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS, 16);
        await("online group").atMost(ConsoleBroker.PATIENCE)
                .until(() -> broker.http().get("/api/groups/" + online).json().path("online").asBoolean());

        assertRefused(broker.http().delete("/api/groups/" + online), 409, "stop its consumers");
        assertThat(broker.http().delete("/api/groups/" + offline).status()).isEqualTo(204);

        assertThat(broker.broker().runtime().offsets().groups()).doesNotContain(offline);
        assertThat(broker.http().get("/api/groups/" + online).status()).isEqualTo(200);
        assertRefused(broker.http().get("/api/groups/" + offline), 404, "There is no consumer group " + offline);
    }

    @Test
    void listsAndDeletesAGroupOfTheSubscriptionGroupTable() throws Exception {
        String group = ConsoleBroker.uniqueName("cg-configured");
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName(group);
        broker.admin().createAndUpdateSubscriptionGroupConfig(broker.broker().address(), config);

        assertThat(broker.http().get("/api/groups").json().findValuesAsText("group")).contains(group);
        assertThat(broker.http().get("/api/groups/" + group).json().path("totalLag").asLong()).isZero();
        assertRefused(broker.http().delete("/api/groups/" + SystemTopics.TOOLS_CONSUMER_GROUP), 400,
                "one of the broker's own");
        assertThat(broker.http().delete("/api/groups/" + group).status()).isEqualTo(204);

        assertThat(broker.admin().getAllSubscriptionGroup(broker.broker().address(), 10_000)
                .getSubscriptionGroupTable()).doesNotContainKey(group);
        assertThat(broker.http().get("/api/groups").json().findValuesAsText("group")).doesNotContain(group);
    }

    @Test
    void refusesBadResetsAndUnknownGroupsWithAReason() throws Exception {
        String topic = broker.createTopic("bad-reset", 1);
        String group = ConsoleBroker.uniqueName("cg-bad");
        broker.broker().runtime().offsets().commit(group, topic, 0, 0);
        String path = "/api/groups/" + group + "/reset";

        assertRefused(broker.http().get("/api/groups/no-such-group"), 404, "There is no consumer group");
        assertRefused(broker.http().get("/api/groups/no-such-group/lag"), 404, "There is no consumer group");
        assertRefused(broker.http().post(path, Map.of("topic", topic, "to", "yesterday")), 400, "\"end\" or \"time\"");
        assertRefused(broker.http().post(path, Map.of("topic", topic, "to", "time")), 400, "Give the time");
        assertRefused(broker.http().post(path, Map.of("topic", topic, "to", "time", "timestampMillis", -5)), 400,
                "Give the time");
        assertRefused(broker.http().post(path, Map.of("topic", "other-topic", "to", "end")), 404,
                "does not consume the topic other-topic");
        assertRefused(broker.http().post(path, Map.of("to", "end")), 400, "Choose the topic");
        assertRefused(broker.http().post(path, Map.of("topic", topic, "to", "time", "timestampMillis", "noon")), 400,
                "timestampMillis");
        assertRefused(broker.http().delete("/api/groups/no-such-group"), 404, "There is no consumer group");

        assertThat(broker.broker().runtime().offsets().query(group, topic, 0)).isZero();
    }

    /** The lag of {@code group} on {@code topic} as the official admin client computes it from consume stats. */
    private static long lagOf(String group, String topic) throws Exception {
        ConsumeStats stats = broker.admin().examineConsumeStats(broker.broker().address(), group, topic, 10_000);
        return stats.getOffsetTable().values().stream()
                .mapToLong(o -> o.getBrokerOffset() - o.getConsumerOffset()).sum();
    }

    /** A listener that holds every message until {@code release}, so the group lags. */
    private static MessageListenerConcurrently blockingUntil(CountDownLatch release) {
        return (msgs, ctx) -> {
            try {
                return release.await(2, TimeUnit.MINUTES) ? ConsumeConcurrentlyStatus.CONSUME_SUCCESS
                        : ConsumeConcurrentlyStatus.RECONSUME_LATER;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        };
    }

    static JsonNode find(JsonNode groups, String name) {
        for (JsonNode group : groups) {
            if (group.path("group").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name + " in " + groups);
    }
}
