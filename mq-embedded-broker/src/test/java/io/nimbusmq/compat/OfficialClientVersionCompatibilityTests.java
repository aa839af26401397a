package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The compatibility tests run with the official client they claim: 5.3.1 here (mq-embedded-broker), 5.5.0 in
 * mq-client-versions/client55, which runs this class with {@code expected.rocketmq-client=5.5.0}. Without this, a
 * dependency-management slip would silently run the "5.5.0" suite on 5.3.1.
 */
@Tag("compat")
class OfficialClientVersionCompatibilityTests {

    @Test
    void theOfficialClientOnTheClasspathIsTheExpectedVersion() {
        String expected = System.getProperty("expected.rocketmq-client", "5.3.1");

        assertThat(MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION)).isEqualTo("V" + expected.replace('.', '_'));
        assertThat(RemotingSerializable.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("rocketmq-remoting-" + expected + ".jar");
    }
}
