package io.nimbusmq.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BrokerIdentityTests {

    @Test
    void masterDefaultsClusterAndDerivesTheHaAddress() {
        BrokerIdentity broker = BrokerIdentity.master("broker-a", "10.0.0.1:10911");

        assertThat(broker.clusterName()).isEqualTo("DefaultCluster");
        assertThat(broker.brokerId()).isZero();
        assertThat(broker.isMaster()).isTrue();
        assertThat(broker.haServerAddr()).isEqualTo("10.0.0.1:10912");
    }

    @Test
    void derivesTheHaAddressOfAnIpv6Broker() {
        assertThat(BrokerIdentity.master("b", "[::1]:10911").haServerAddr()).isEqualTo("[::1]:10912");
    }

    @Test
    void keepsGivenValues() {
        BrokerIdentity broker = new BrokerIdentity("C", "b", 1, "h:1", "h:9");

        assertThat(broker).extracting(BrokerIdentity::clusterName, BrokerIdentity::haServerAddr,
                BrokerIdentity::isMaster).containsExactly("C", "h:9", false);
        assertThat(new BrokerIdentity(" ", "b", 0, "h:1", null).clusterName()).isEqualTo("DefaultCluster");
    }

    @Test
    void rejectsInvalidValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerIdentity.master(" ", "h:1"));
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerIdentity.master("b", "no-port"));
        assertThatIllegalArgumentException().isThrownBy(() -> new BrokerIdentity(null, "b", -1, "h:1", null));
    }
}
