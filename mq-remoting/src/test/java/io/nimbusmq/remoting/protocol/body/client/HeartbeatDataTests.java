package io.nimbusmq.remoting.protocol.body.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeartbeatDataTests {

    /** remoting-protocol.md §6, as fastjson 1.2.83 writes it for a 5.3.1 push consumer and producer. */
    static final String OBSERVED_HEARTBEAT = "{\"clientID\":\"192.0.2.2@14558#558117500706\",\"consumerDataSet\":["
            + "{\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"consumeType\":\"CONSUME_PASSIVELY\","
            + "\"groupName\":\"cg\",\"messageModel\":\"CLUSTERING\",\"subscriptionDataSet\":["
            + "{\"classFilterMode\":false,\"codeSet\":[3552231,3552232],\"expressionType\":\"TAG\","
            + "\"subString\":\"tagA || tagB\",\"subVersion\":1700000000000,\"tagsSet\":[\"tagA\",\"tagB\"],"
            + "\"topic\":\"T\"},"
            + "{\"classFilterMode\":false,\"codeSet\":[],\"expressionType\":\"TAG\",\"subString\":\"*\","
            + "\"subVersion\":1700000000001,\"tagsSet\":[],\"topic\":\"%RETRY%cg\"}],"
            + "\"unitMode\":false}],\"heartbeatFingerprint\":0,\"producerDataSet\":["
            + "{\"groupName\":\"CLIENT_INNER_PRODUCER\"},{\"groupName\":\"pg\"}],\"withoutSub\":false}";

    @Test
    void readsObservedHeartbeat() {
        HeartbeatData heartbeat = RemotingJson.decode(OBSERVED_HEARTBEAT, HeartbeatData.class);

        assertThat(heartbeat.clientID()).isEqualTo("192.0.2.2@14558#558117500706");
        assertThat(heartbeat.heartbeatFingerprint()).isZero();
        assertThat(heartbeat.withoutSub()).isFalse();
        assertThat(heartbeat.producerDataSet()).extracting(ProducerData::groupName)
                .containsExactlyInAnyOrder(SystemTopics.CLIENT_INNER_PRODUCER, "pg");
        assertThat(heartbeat.consumerDataSet()).singleElement().satisfies(consumer -> {
            assertThat(consumer.groupName()).isEqualTo("cg");
            assertThat(consumer.consumeType()).isEqualTo(ConsumeType.CONSUME_PASSIVELY);
            assertThat(consumer.messageModel()).isEqualTo(MessageModel.CLUSTERING);
            assertThat(consumer.consumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
            assertThat(consumer.unitMode()).isFalse();
            assertThat(consumer.subscriptionDataSet()).containsExactlyInAnyOrder(
                    SubscriptionData.ofTags("T", "tagA || tagB", 1_700_000_000_000L),
                    SubscriptionData.ofTags("%RETRY%cg", "*", 1_700_000_000_001L));
        });
    }

    @Test
    void writesFastjsonShape() {
        HeartbeatData heartbeat = new HeartbeatData("192.0.2.2@14558#558117500706",
                Set.of(new ConsumerData("cg", ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                        ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, orderedSet(
                                SubscriptionData.ofTags("T", "tagA || tagB", 1_700_000_000_000L),
                                SubscriptionData.ofTags("%RETRY%cg", "*", 1_700_000_000_001L)), false)),
                orderedSet(new ProducerData(SystemTopics.CLIENT_INNER_PRODUCER), new ProducerData("pg")), 0, false);

        assertThat(RemotingJson.toJson(heartbeat)).isEqualTo(OBSERVED_HEARTBEAT);
    }

    @Test
    void defaultsMissingFields() {
        HeartbeatData heartbeat = RemotingJson.decode("{clientID:'c1',consumerDataSet:[{groupName:'cg',"
                + "subscriptionDataSet:[{topic:'T',subString:'*'}]}],extra:1}", HeartbeatData.class);

        assertThat(heartbeat.producerDataSet()).isEmpty();
        ConsumerData consumer = heartbeat.consumerDataSet().iterator().next();
        assertThat(consumer.consumeType()).isNull();
        SubscriptionData subscription = consumer.subscriptionDataSet().iterator().next();
        assertThat(subscription.expressionType()).isEqualTo(ExpressionType.TAG);
        assertThat(subscription.tagsSet()).isEmpty();
        assertThat(subscription.codeSet()).isEmpty();
        assertThat(subscription.subVersion()).isZero();
    }

    @Test
    void readsHeartbeatV2WithoutSubscriptions() {
        HeartbeatData heartbeat = RemotingJson.decode("{\"clientID\":\"c1\",\"consumerDataSet\":[{\"groupName\":"
                + "\"cg\",\"consumeType\":\"CONSUME_ACTIVELY\",\"messageModel\":\"BROADCASTING\","
                + "\"consumeFromWhere\":\"CONSUME_FROM_TIMESTAMP\"}],\"heartbeatFingerprint\":-17,"
                + "\"withoutSub\":true}", HeartbeatData.class);

        assertThat(heartbeat.withoutSub()).isTrue();
        assertThat(heartbeat.heartbeatFingerprint()).isEqualTo(-17);
        assertThat(heartbeat.consumerDataSet()).singleElement().satisfies(consumer -> {
            assertThat(consumer.consumeType()).isEqualTo(ConsumeType.CONSUME_ACTIVELY);
            assertThat(consumer.messageModel()).isEqualTo(MessageModel.BROADCASTING);
            assertThat(consumer.subscriptionDataSet()).isEmpty();
        });
    }

    @SafeVarargs
    private static <T> Set<T> orderedSet(T... values) {
        return new LinkedHashSet<>(List.of(values));
    }
}
