package io.nimbusmq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicList;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterQueryProcessorTests {

    private final RouteInfoManager routes = new RouteInfoManager(new MutableClock());
    private final ClusterQueryProcessor processor = new ClusterQueryProcessor(routes, NameServerConfig::defaults);

    @BeforeEach
    void registerBroker() {
        routes.registerBroker(BrokerRegistration.master("DefaultCluster", "broker-a", "127.0.0.1:20911",
                "127.0.0.1:20912"), RouteInfoManagerTests.body(1, TopicConfig.of("A", 4), TopicConfig.of("B", 4)),
                null);
    }

    @Test
    void answersClusterInfoWithUnquotedNumericKeys() throws Exception {
        RemotingCommand response = Requests.process(processor,
                RemotingCommand.createRequest(RequestCode.GET_BROKER_CLUSTER_INFO));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{0:\"127.0.0.1:20911\"},\"brokerName\":\"broker-a\","
                        + "\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}},"
                        + "\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}}");
    }

    @Test
    void listsAllTopicsAndTopicsByCluster() throws Exception {
        RemotingCommand all = Requests.process(processor,
                RemotingCommand.createRequest(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER));
        RemotingCommand byCluster = Requests.process(processor,
                RemotingCommand.createRequest(RequestCode.GET_TOPICS_BY_CLUSTER).putExtField("cluster", "DefaultCluster"));

        assertThat(new String(all.body(), StandardCharsets.UTF_8)).isEqualTo("{\"topicList\":[\"A\",\"B\"]}");
        assertThat(RemotingJson.decode(byCluster.body(), TopicList.class).topicList()).containsExactly("A", "B");
    }

    @Test
    void answersDisableWhenTopicListsAreTurnedOff() throws Exception {
        ClusterQueryProcessor closed = new ClusterQueryProcessor(routes,
                () -> NameServerConfig.defaults().withTopicListsEnabled(false));

        RemotingCommand all = Requests.process(closed,
                RemotingCommand.createRequest(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER));
        RemotingCommand byCluster = Requests.process(closed,
                RemotingCommand.createRequest(RequestCode.GET_TOPICS_BY_CLUSTER).putExtField("cluster", "DefaultCluster"));

        assertThat(all.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(all.remark()).isEqualTo("disable");
        assertThat(byCluster.remark()).isEqualTo("disable");
    }

    @Test
    void deletesATopic() throws Exception {
        RemotingCommand response = Requests.process(processor,
                RemotingCommand.createRequest(RequestCode.DELETE_TOPIC_IN_NAMESRV).putExtField("topic", "A"));
        Requests.process(processor, RemotingCommand.createRequest(RequestCode.DELETE_TOPIC_IN_NAMESRV)
                .putExtField("topic", "B").putExtField("clusterName", "DefaultCluster"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(routes.allTopics().topicList()).isEmpty();
    }
}
