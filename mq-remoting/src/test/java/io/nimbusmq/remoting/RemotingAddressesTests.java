package io.nimbusmq.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RemotingAddressesTests {

    @Test
    void formatsIpv4AndIpv6Addresses() throws Exception {
        assertThat(RemotingAddresses.toAddress(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 10911)))
                .isEqualTo("127.0.0.1:10911");
        assertThat(RemotingAddresses.toAddress(new InetSocketAddress(InetAddress.getByName("::1"), 9876)))
                .isEqualTo("[0:0:0:0:0:0:0:1]:9876");
        assertThat(RemotingAddresses.toAddress(null)).isEmpty();
    }

    @Test
    void parsesHostPortStrings() {
        assertThat(RemotingAddresses.parse("127.0.0.1:10911"))
                .satisfies(address -> {
                    assertThat(address.getHostString()).isEqualTo("127.0.0.1");
                    assertThat(address.getPort()).isEqualTo(10911);
                });
        assertThat(RemotingAddresses.parse("[::1]:9876").getPort()).isEqualTo(9876);
    }

    @Test
    void rejectsMalformedAddresses() {
        assertThatThrownBy(() -> RemotingAddresses.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemotingAddresses.parse("localhost:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemotingAddresses.parse("localhost:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemotingAddresses.parse("localhost:70000"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
