package io.nimbusmq.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.namesrv.BrokerAddress;
import io.nimbusmq.namesrv.RouteInfoManager;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.QueueData;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalNameServerRegistrarTests {

    private final RouteInfoManager routes = new RouteInfoManager();
    private final LocalNameServerRegistrar registrar = new LocalNameServerRegistrar(routes);
    private final BrokerIdentity broker = BrokerIdentity.master("broker-a", "127.0.0.1:10911");

    @Test
    void registersStraightIntoTheRouteTables() {
        assertThat(registrar.register(broker, List.of(TopicConfig.of("T", 4)), new DataVersion(3, 0, 1000)))
                .isCompleted();

        assertThat(routes.topicRoute("T").orElseThrow().queueDatas())
                .containsExactly(new QueueData("broker-a", 6, 4, 0, 4));
        assertThat(routes.brokerDataVersion(new BrokerAddress("DefaultCluster", "127.0.0.1:10911")))
                .contains(new DataVersion(3, 0, 1000));
    }

    @Test
    void unregistersFromTheRouteTables() {
        registrar.register(broker, List.of(TopicConfig.of("T", 4)), DataVersion.initial(1000));

        assertThat(registrar.unregister(broker)).isCompleted();

        assertThat(routes.topicRoute("T")).isEmpty();
        assertThat(routes.liveBrokerCount()).isZero();
    }
}
