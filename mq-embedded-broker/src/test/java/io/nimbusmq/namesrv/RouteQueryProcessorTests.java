package io.nimbusmq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouteQueryProcessorTests {

    private static final String QUOTED_ROUTE = "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"127.0.0.1:20911\"},"
            + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}],"
            + "\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
            + "\"topicSysFlag\":0,\"writeQueueNums\":4}]}";

    private final RouteInfoManager routes = new RouteInfoManager(new MutableClock());
    private final RouteQueryProcessor processor = new RouteQueryProcessor(routes);

    @BeforeEach
    void registerBroker() {
        routes.registerBroker(BrokerRegistration.master("DefaultCluster", "broker-a", "127.0.0.1:20911",
                "127.0.0.1:20912"), RouteInfoManagerTests.body(1, TopicConfig.of("TopicTest", 4)), null);
    }

    @Test
    void answersCurrentClientsWithStandardJson() throws Exception {
        RemotingCommand response = Requests.process(processor, Requests.routeRequest("TopicTest",
                RemotingVersion.V5_3_1));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(QUOTED_ROUTE);
    }

    @Test
    void answersClientsOlderThanV494WithUnquotedNumericKeys() throws Exception {
        RemotingCommand response = Requests.process(processor, Requests.routeRequest("TopicTest",
                RemotingVersion.V4_9_4 - 1));

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(QUOTED_ROUTE.replace("{\"0\":", "{0:"));
    }

    @Test
    void honoursAcceptStandardJsonOnlyFromOldClients() throws Exception {
        RemotingCommand request = Requests.routeRequest("TopicTest", 0).putExtField("acceptStandardJsonOnly", true);

        RemotingCommand response = Requests.process(processor, request);

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(QUOTED_ROUTE);
    }

    @Test
    void answersTopicNotExistForAnUnknownTopic() throws Exception {
        RemotingCommand response = Requests.process(processor, Requests.routeRequest("Nope", RemotingVersion.V5_3_1));

        assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.remark()).isEqualTo("No topic route info in name server for the topic: Nope");
        assertThat(response.body()).isNull();
    }
}
