package io.nimbusmq.benchmark.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BrokerLaunchesTests {

    private final BrokerLaunches launches = new BrokerLaunches("1g", Path.of("/jars/standalone.jar"),
            "/classes:/apache.jar", 128);

    @Test
    void bothBrokersGetTheSameJvmOptions() {
        BrokerLaunch apache = launches.prepare(BrokerKind.APACHE, "SYNC_FLUSH", Path.of("/s/a"), Path.of("/h/a"), null);
        BrokerLaunch nimbus = launches.prepare(BrokerKind.NIMBUS, "SYNC_FLUSH", Path.of("/s/n"), Path.of("/h/n"), null);

        List<String> apacheJvm = apache.command().subList(1, apache.command().indexOf("-cp"));
        List<String> nimbusJvm = nimbus.command().subList(1, nimbus.command().indexOf("-cp"));
        assertThat(apacheJvm).containsExactly("-Xmx1g", "-XX:+UseG1GC", "-Duser.home=/h/a");
        assertThat(nimbusJvm).containsExactly("-Xmx1g", "-XX:+UseG1GC", "-Duser.home=/h/n");
    }

    @Test
    void theCollectorIsChosenForBothAndCheckedByName() {
        BrokerLaunches serial = new BrokerLaunches("256m", "Serial", Path.of("/j.jar"), "/c", 128);
        BrokerLaunch nimbus = serial.prepare(BrokerKind.NIMBUS, "ASYNC_FLUSH", Path.of("/s"), Path.of("/h"), null);

        assertThat(serial.jvmOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(nimbus.command()).containsSequence("-Xmx256m", "-XX:+UseSerialGC");
        assertThatThrownBy(() -> new BrokerLaunches("1g", "CMS", Path.of("/j.jar"), "/c", 128))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown collector 'CMS'");
    }

    @Test
    void apacheRunsItsOwnMainWithNameServerAndBrokerPorts() {
        BrokerLaunch apache = launches.prepare(BrokerKind.APACHE, "ASYNC_FLUSH", Path.of("/s"), Path.of("/h"), null);

        assertThat(apache.command()).contains("/classes:/apache.jar", BrokerLaunches.APACHE_MAIN, "--flush-mode",
                "ASYNC_FLUSH", "--commitlog-mib", "128");
        assertThat(apache.namesrvAddr()).isNotEqualTo(apache.brokerAddr()).startsWith("127.0.0.1:");
        int brokerPort = Integer.parseInt(apache.brokerAddr().substring("127.0.0.1:".length()));
        assertThat(apache.command()).containsSequence("--ha-port", Integer.toString(brokerPort + 1));
    }

    @Test
    void nimbusRunsTheStandaloneJarOnOnePortWithoutAutoCreation() {
        BrokerLaunch nimbus = launches.prepare(BrokerKind.NIMBUS, "SYNC_FLUSH", Path.of("/s"), Path.of("/h"), null);

        assertThat(nimbus.command()).contains("/jars/standalone.jar", BrokerLaunches.NIMBUS_MAIN);
        assertThat(nimbus.command()).containsSequence("--flush-mode", "SYNC_FLUSH");
        assertThat(nimbus.command()).containsSequence("--auto-create-topic", "false");
        assertThat(nimbus.command()).containsSequence("--bind-host", "127.0.0.1");
        assertThat(nimbus.namesrvAddr()).isEqualTo(nimbus.brokerAddr());
    }

    @Test
    void aFlightRecordingIsOptIn() {
        BrokerLaunch recorded = launches.prepare(BrokerKind.NIMBUS, "ASYNC_FLUSH", Path.of("/s"), Path.of("/h"),
                Path.of("/r/nimbus.jfr"));

        assertThat(recorded.command()).anyMatch(arg -> arg.startsWith("-XX:StartFlightRecording=filename=/r/nimbus.jfr"));
    }
}
