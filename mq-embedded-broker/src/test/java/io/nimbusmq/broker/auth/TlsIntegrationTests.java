package io.nimbusmq.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.tls.TlsClientConfig;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import io.nimbusmq.testkit.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our remoting client's TLS against the broker: server certificates checked against a trusted PEM, mutual TLS with
 * client certificates, and a truncated ClientHello closed by the handshake timeout while others keep being served.
 */
class TlsIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * Netty's default. A legitimate mutual-TLS handshake took more than 1 s on a machine whose cores were busy and was
     * cut off; the truncated-hello test waits for this timeout instead (its read waits up to PATIENCE).
     */
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    @TempDir
    static Path dir;
    static TestCertificates.Pem server;
    static TestCertificates.Pem client;
    static TestCertificates.Pem stranger;
    static EmbeddedBroker mutual;

    @BeforeAll
    static void start() {
        server = TestCertificates.selfSigned(dir.resolve("certs"), "server");
        client = TestCertificates.selfSigned(dir.resolve("certs"), "client");
        stranger = TestCertificates.selfSigned(dir.resolve("certs"), "stranger");
        mutual = EmbeddedBroker.builder().port(0).storeDir(dir.resolve("mutual"))
                .tls(TlsServerConfig.of(TlsMode.PERMISSIVE, server.certificate(), server.privateKey())
                        .withClientAuth(TlsServerConfig.ClientAuth.REQUIRE, client.certificate())
                        .withHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS))
                .build();
        mutual.start();
    }

    @AfterAll
    static void stop() {
        mutual.close();
    }

    @Test
    void aClientWithATrustedCertificateIsServed() {
        TlsClientConfig tls = TlsClientConfig.trusting(server.certificate())
                .withClientCertificate(client.certificate(), client.privateKey());

        assertThat(maxOffset(tls).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void clientsWithoutOrWithAnUntrustedCertificateAreDisconnected() {
        assertThatThrownBy(() -> maxOffset(TlsClientConfig.trusting(server.certificate())))
                .hasMessageContaining(mutual.address());
        assertThatThrownBy(() -> maxOffset(TlsClientConfig.trusting(server.certificate())
                .withClientCertificate(stranger.certificate(), stranger.privateKey())))
                .hasMessageContaining(mutual.address());
    }

    @Test
    void aClientRefusesAServerCertificateItDoesNotTrust() {
        assertThatThrownBy(() -> maxOffset(TlsClientConfig.trusting(stranger.certificate())
                .withClientCertificate(client.certificate(), client.privateKey())))
                .hasMessageContaining(mutual.address());
    }

    @Test
    void aTruncatedClientHelloIsClosedAndOthersAreStillServed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", mutual.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x40, 0x01, 0x00});
            out.flush();

            TlsClientConfig tls = TlsClientConfig.trusting(server.certificate())
                    .withClientCertificate(client.certificate(), client.privateKey());
            assertThat(maxOffset(tls).code()).as("others are served meanwhile").isEqualTo(ResponseCode.SUCCESS);
            InputStream in = socket.getInputStream();
            socket.setSoTimeout((int) PATIENCE.toMillis());
            assertThat(in.read()).as("closed by the handshake timeout").isEqualTo(-1);
        }
    }

    @Test
    void thePlainFormStaysOpenInPermissiveMode() {
        assertThat(maxOffset(TlsClientConfig.disabled()).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    private static RemotingCommand maxOffset(TlsClientConfig tls) {
        try (NettyRemotingClient remoting = new NettyRemotingClient(RemotingClientConfig.defaults().withTls(tls))) {
            RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_MAX_OFFSET)
                    .putExtField("topic", "any").putExtField("queueId", 0);
            return remoting.invokeSync(mutual.address(), request, 10_000).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("request to " + mutual.address() + " failed: " + e, e);
        }
    }
}
