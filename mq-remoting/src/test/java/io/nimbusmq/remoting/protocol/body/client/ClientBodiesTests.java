package io.nimbusmq.remoting.protocol.body.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.nimbusmq.remoting.protocol.LanguageCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden shapes of the smaller client bodies (remoting-protocol.md §4.7, §6). */
class ClientBodiesTests {

    private static final String LOCK_REQUEST = "{\"clientId\":\"192.0.2.2@1#2\",\"consumerGroup\":\"cgo\","
            + "\"mqSet\":[{\"brokerName\":\"broker-a\",\"queueId\":3,\"topic\":\"TopicTest\"}],"
            + "\"onlyThisBroker\":false}";

    @Test
    void readsAndWritesLockRequest() {
        LockBatchRequestBody body = RemotingJson.decode(LOCK_REQUEST, LockBatchRequestBody.class);

        assertThat(body.clientId()).isEqualTo("192.0.2.2@1#2");
        assertThat(body.consumerGroup()).isEqualTo("cgo");
        assertThat(body.mqSet()).containsExactly(new MessageQueue("TopicTest", "broker-a", 3));
        assertThat(RemotingJson.toJson(body)).isEqualTo(LOCK_REQUEST);
    }

    @Test
    void readsUnlockRequestWithSameShape() {
        UnlockBatchRequestBody body = RemotingJson.decode(LOCK_REQUEST, UnlockBatchRequestBody.class);

        assertThat(body.mqSet()).containsExactly(new MessageQueue("TopicTest", "broker-a", 3));
        assertThat(RemotingJson.toJson(body)).isEqualTo(LOCK_REQUEST);
    }

    @Test
    void writesLockResponse() {
        LockBatchResponseBody body = new LockBatchResponseBody(Set.of(new MessageQueue("T", "broker-a", 0)));

        assertThat(RemotingJson.toJson(body))
                .isEqualTo("{\"lockOKMQSet\":[{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\"}]}");
        assertThat(RemotingJson.decode(RemotingJson.encode(body), LockBatchResponseBody.class)).isEqualTo(body);
    }

    @Test
    void writesConsumerList() {
        assertThat(RemotingJson.toJson(new ConsumerListBody(List.of("a@1", "b@2"))))
                .isEqualTo("{\"consumerIdList\":[\"a@1\",\"b@2\"]}");
    }

    @Test
    void readsCheckClientConfig() {
        CheckClientConfigBody body = RemotingJson.decode("{\"clientId\":\"c1\",\"group\":\"cg\","
                + "\"subscriptionData\":{\"classFilterMode\":false,\"codeSet\":[],\"expressionType\":\"SQL92\","
                + "\"subString\":\"a > 1\",\"subVersion\":7,\"tagsSet\":[],\"topic\":\"T\"}}",
                CheckClientConfigBody.class);

        assertThat(body.clientId()).isEqualTo("c1");
        assertThat(body.group()).isEqualTo("cg");
        assertThat(body.subscriptionData()).isEqualTo(SubscriptionData.ofSql92("T", "a > 1", 7));
    }

    @Test
    void writesConsumerConnection() {
        ConsumerConnection body = new ConsumerConnection(
                Set.of(new Connection("c1", "127.0.0.1:50000", LanguageCode.JAVA, 475)),
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                Map.of("T", SubscriptionData.ofTags("T", "*", 9)));

        assertThat(RemotingJson.toJson(body)).isEqualTo("{\"connectionSet\":[{\"clientAddr\":\"127.0.0.1:50000\","
                + "\"clientId\":\"c1\",\"language\":\"JAVA\",\"version\":475}],"
                + "\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"consumeType\":\"CONSUME_PASSIVELY\","
                + "\"messageModel\":\"CLUSTERING\",\"subscriptionTable\":{\"T\":{\"classFilterMode\":false,"
                + "\"codeSet\":[],\"expressionType\":\"TAG\",\"subString\":\"*\",\"subVersion\":9,\"tagsSet\":[],"
                + "\"topic\":\"T\"}}}");
        assertThat(RemotingJson.decode(RemotingJson.encode(body), ConsumerConnection.class)).isEqualTo(body);
    }

    @Test
    void writesProducerConnection() {
        ProducerConnection body = new ProducerConnection(
                Set.of(new Connection("p1", "127.0.0.1:50001", LanguageCode.GO, 400)));

        assertThat(RemotingJson.toJson(body)).isEqualTo("{\"connectionSet\":[{\"clientAddr\":\"127.0.0.1:50001\","
                + "\"clientId\":\"p1\",\"language\":\"GO\",\"version\":400}]}");
    }

    @Test
    void ordersQueuesByTopicBrokerAndId() {
        List<MessageQueue> queues = new ArrayList<>(List.of(new MessageQueue("T", "b", 1),
                new MessageQueue("T", "a", 2), new MessageQueue("S", "b", 0), new MessageQueue("T", "a", 0)));

        Collections.sort(queues);

        assertThat(queues).containsExactly(new MessageQueue("S", "b", 0), new MessageQueue("T", "a", 0),
                new MessageQueue("T", "a", 2), new MessageQueue("T", "b", 1));
    }
}
