package io.nimbusmq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemotingConfigTests {

    @Test
    void defaultsMatchTheProtocol() {
        RemotingConfig config = RemotingConfig.defaults();

        assertThat(config.bindHost()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.maxFrameLengthBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(config.idleCloseSeconds()).isEqualTo(120);
        assertThat(config.workerThreads()).isPositive();
        assertThat(config.useEpoll()).isTrue();
    }

    @Test
    void withersChangeOneValue() {
        RemotingConfig config = RemotingConfig.defaults().withBindHost("0.0.0.0").withPort(10911)
                .withMaxFrameLengthBytes(4096).withIdleCloseSeconds(0).withWorkerThreads(8).withUseEpoll(false);

        assertThat(config).isEqualTo(new RemotingConfig("0.0.0.0", 10911, 4096, 0, 8, false));
    }

    @Test
    void rejectsInvalidValues() {
        RemotingConfig defaults = RemotingConfig.defaults();

        assertThatThrownBy(() -> defaults.withBindHost(" ")).hasMessageContaining("bindHost");
        assertThatThrownBy(() -> defaults.withPort(-1)).hasMessageContaining("port");
        assertThatThrownBy(() -> defaults.withPort(65536)).hasMessageContaining("port");
        assertThatThrownBy(() -> defaults.withMaxFrameLengthBytes(100)).hasMessageContaining("maxFrameLengthBytes");
        assertThatThrownBy(() -> defaults.withIdleCloseSeconds(-1)).hasMessageContaining("idleCloseSeconds");
        assertThatThrownBy(() -> defaults.withWorkerThreads(0)).hasMessageContaining("workerThreads");
    }

    @Test
    void clientConfigHasSaneDefaultsAndChecksValues() {
        RemotingClientConfig config = RemotingClientConfig.defaults();

        assertThat(config.connectTimeoutMillis()).isEqualTo(3000);
        assertThat(config.maxFrameLengthBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(config.idleCloseSeconds()).isEqualTo(120);
        assertThatThrownBy(() -> config.withConnectTimeoutMillis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withIdleCloseSeconds(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemotingClientConfig(1, 10, 0, 1, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
