package io.nimbusmq.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import io.nimbusmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class RemoteNameServerRegistrarTests {

    private static final BrokerIdentity BROKER = BrokerIdentity.master("broker-a", "10.0.0.1:10911");

    @Test
    void registerRequestCarriesTheOfficialHeaderAndChecksum() {
        byte[] body = RegisterBrokerBody.of(TopicConfigSerializeWrapper.of(List.of(TopicConfig.of("T", 4)),
                new DataVersion(1, 0, 1000))).encode();

        RemotingCommand request = RemoteNameServerRegistrar.registerRequest(BROKER, body);

        CRC32 crc32 = new CRC32();
        crc32.update(body);
        assertThat(request.code()).isEqualTo(RequestCode.REGISTER_BROKER);
        assertThat(request.version()).isEqualTo(475);
        assertThat(request.isOneway()).isFalse();
        assertThat(request.extFields()).containsOnly(
                Map.entry("brokerAddr", "10.0.0.1:10911"),
                Map.entry("brokerId", "0"),
                Map.entry("brokerName", "broker-a"),
                Map.entry("clusterName", "DefaultCluster"),
                Map.entry("haServerAddr", "10.0.0.1:10912"),
                Map.entry("enableActingMaster", "false"),
                Map.entry("compressed", "false"),
                Map.entry("bodyCrc32", String.valueOf(crc32.getValue() & 0x7FFFFFFF)));
        assertThat(request.body()).isEqualTo(body);
    }

    @Test
    void unregisterRequestIdentifiesTheBroker() {
        RemotingCommand request = RemoteNameServerRegistrar.unregisterRequest(BROKER);

        assertThat(request.code()).isEqualTo(RequestCode.UNREGISTER_BROKER);
        assertThat(request.extFields()).containsOnly(
                Map.entry("brokerAddr", "10.0.0.1:10911"),
                Map.entry("brokerId", "0"),
                Map.entry("brokerName", "broker-a"),
                Map.entry("clusterName", "DefaultCluster"));
        assertThat(request.body()).isNull();
    }

    @Test
    void eachRequestGetsItsOwnOpaque() {
        assertThat(RemoteNameServerRegistrar.unregisterRequest(BROKER).opaque())
                .isNotEqualTo(RemoteNameServerRegistrar.unregisterRequest(BROKER).opaque());
    }

    @Test
    void parsesRocketMqNamesrvAddrLists() {
        assertThat(RemoteNameServerRegistrar.parseAddresses(" a:9876; b:9876 ;;")).containsExactly("a:9876", "b:9876");
        assertThat(RemoteNameServerRegistrar.parseAddresses(null)).isEmpty();
    }

    @Test
    void needsAtLeastOneAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RemoteNameServerRegistrar(null, List.of(), 1000));
    }
}
