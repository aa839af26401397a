package io.nimbusmq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.MissingHeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.KvTable;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerRegistrationProcessorTests {

    private final MutableClock clock = new MutableClock();
    private final RouteInfoManager routes = new RouteInfoManager(clock);
    private final KvConfigTable kvConfigs = new KvConfigTable();
    private final BrokerRegistrationProcessor processor = new BrokerRegistrationProcessor(routes, kvConfigs);

    @Test
    void registersABrokerAndWatchesItsChannel() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();

        RemotingCommand response = Requests.process(processor,
                Requests.register("broker-a", 0, "10.0.0.1:10911", TopicConfig.of("T", 4)), channel);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields()).isEmpty();
        assertThat(response.body()).isNull();
        assertThat(routes.topicRoute("T")).isPresent();
        assertThat(routes.onChannelClosed(channel)).isEqualTo(1);
    }

    @Test
    void tellsASlaveItsMaster() throws Exception {
        Requests.process(processor, Requests.register("broker-a", 0, "10.0.0.1:10911", TopicConfig.of("T", 4)));

        RemotingCommand response = Requests.process(processor, Requests.register("broker-a", 1, "10.0.0.2:10911"));

        assertThat(response.extFields()).containsOnly(Map.entry("haServerAddr", "10.0.0.1:10912"),
                Map.entry("masterAddr", "10.0.0.1:10911"));
    }

    @Test
    void rejectsABodyWhoseCrc32DoesNotMatch() throws Exception {
        RemotingCommand request = Requests.register("broker-a", 0, "10.0.0.1:10911", TopicConfig.of("T", 4));
        request.putExtField("bodyCrc32", 12345);

        RemotingCommand response = Requests.process(processor, request);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("crc32 not match");
        assertThat(routes.liveBrokerCount()).isZero();
    }

    @Test
    void skipsTheCrcCheckWhenBodyCrc32IsZeroOrAbsent() throws Exception {
        RemotingCommand request = Requests.register("broker-a", 0, "10.0.0.1:10911", TopicConfig.of("T", 4));
        request.removeExtField("bodyCrc32");

        assertThat(Requests.process(processor, request).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void acceptsACompressedBody() throws Exception {
        byte[] compressed = RegisterBrokerBody.of(TopicConfigSerializeWrapper.of(List.of(TopicConfig.of("Z", 2)),
                new DataVersion(1, 0, 1000))).encodeCompressed();
        RemotingCommand request = Requests.register("broker-a", 0, "10.0.0.1:10911")
                .setBody(compressed)
                .putExtField("compressed", true)
                .putExtField("bodyCrc32", RegisterBrokerBody.bodyCrc32(compressed));

        assertThat(Requests.process(processor, request).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(routes.topicRoute("Z")).isPresent();
    }

    @Test
    void requiresTheMandatoryHeaderFields() {
        RemotingCommand request = Requests.register("broker-a", 0, "10.0.0.1:10911").removeExtField("haServerAddr");

        assertThatThrownBy(() -> Requests.process(processor, request))
                .isInstanceOf(MissingHeaderFieldException.class)
                .hasMessageContaining("haServerAddr");
    }

    @Test
    void answersWithTheOrderTopicConfigWhenThereIsOne() throws Exception {
        kvConfigs.put(KvConfigTable.ORDER_TOPIC_CONFIG, "T", "broker-a:4");

        RemotingCommand response = Requests.process(processor, Requests.register("broker-a", 0, "10.0.0.1:10911"));

        assertThat(RemotingJson.decode(response.body(), KvTable.class).table()).containsExactly(Map.entry("T", "broker-a:4"));
    }

    @Test
    void unregistersABroker() throws Exception {
        Requests.process(processor, Requests.register("broker-a", 0, "10.0.0.1:10911", TopicConfig.of("T", 4)));

        RemotingCommand response = Requests.process(processor,
                Requests.brokerRequest(RequestCode.UNREGISTER_BROKER, "broker-a", "10.0.0.1:10911"));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(routes.topicRoute("T")).isEmpty();
    }

    @Test
    void answersWhetherTheDataVersionChangedAndCountsItAsALifeSign() throws Exception {
        Requests.process(processor, Requests.register("broker-a", 0, "10.0.0.1:10911", TopicConfig.of("T", 4)));
        clock.advanceMillis(100_000);

        RemotingCommand same = Requests.process(processor, Requests.brokerRequest(RequestCode.QUERY_DATA_VERSION,
                "broker-a", "10.0.0.1:10911").setBody(RemotingJson.encode(new DataVersion(1, 0, 1000))));
        RemotingCommand newer = Requests.process(processor, Requests.brokerRequest(RequestCode.QUERY_DATA_VERSION,
                "broker-a", "10.0.0.1:10911").setBody(RemotingJson.encode(new DataVersion(2, 0, 2000))));

        assertThat(same.extFields()).containsEntry("changed", "false");
        assertThat(newer.extFields()).containsEntry("changed", "true");
        assertThat(RemotingJson.decode(newer.body(), DataVersion.class)).isEqualTo(new DataVersion(1, 0, 1000));
        clock.advanceMillis(100_000);
        assertThat(routes.expireInactiveBrokers(clock.millis())).isZero();
    }

    @Test
    void brokerHeartbeatKeepsABrokerAlive() throws Exception {
        Requests.process(processor, Requests.register("broker-a", 0, "10.0.0.1:10911", TopicConfig.of("T", 4)));
        clock.advanceMillis(100_000);

        RemotingCommand response = Requests.process(processor,
                Requests.brokerRequest(RequestCode.BROKER_HEARTBEAT, "broker-a", "10.0.0.1:10911"));
        clock.advanceMillis(100_000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(routes.expireInactiveBrokers(clock.millis())).isZero();
    }
}
