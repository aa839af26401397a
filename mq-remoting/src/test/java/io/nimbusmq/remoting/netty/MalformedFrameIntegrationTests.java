package io.nimbusmq.remoting.netty;

import static io.nimbusmq.remoting.netty.RemotingTestFixture.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.nimbusmq.remoting.LogLines;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes no well-behaved peer sends, over a raw socket, while a well-behaved client is connected to the same server:
 * the offending connection must be closed, and the other client must keep getting correct answers on its
 * connection.
 */
class MalformedFrameIntegrationTests {

    private static final long TIMEOUT_MILLIS = 10_000;

    private RemotingTestFixture fixture;
    private NettyRemotingClient wellBehaved;

    record Malformed(String name, byte[] bytes, boolean thenHalfClose) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformedInputs() {
        return Stream.of(
                new Malformed("negative length", frameOf(-1, 0, new byte[0]), false),
                new Malformed("length over the 16 MiB cap", bytes(Unpooled.buffer().writeInt(16 * 1024 * 1024)), false),
                new Malformed("length too small for the type word", bytes(Unpooled.buffer().writeInt(2).writeShort(0)),
                        false),
                new Malformed("unknown serialize type 5", typed(0x05000002, "{}"), false),
                new Malformed("header length beyond the frame", typed(0x00000400, "{\"code\":1}"), false),
                new Malformed("broken JSON header", typed(8, "{\"code\":"), false),
                new Malformed("JSON header that is not an object", typed(7, "[1,2,3]"), false),
                new Malformed("truncated ROCKETMQ header", typed(0x01000005, "\u0000\u001e\u0000\u0001\u00db"), false),
                new Malformed("truncated frame followed by close", bytes(Unpooled.buffer().writeInt(100)
                        .writeInt(0x0000000a).writeBytes("{\"code\":1".getBytes(StandardCharsets.UTF_8))), true));
    }

    private static byte[] frameOf(int length, int typeAndHeaderLength, byte[] rest) {
        return bytes(Unpooled.buffer().writeInt(length).writeInt(typeAndHeaderLength).writeBytes(rest));
    }

    private static byte[] typed(int typeAndHeaderLength, String rest) {
        byte[] restBytes = rest.getBytes(StandardCharsets.ISO_8859_1);
        return frameOf(4 + restBytes.length, typeAndHeaderLength, restBytes);
    }

    private static byte[] bytes(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }

    @BeforeEach
    void start() throws Exception {
        fixture = new RemotingTestFixture();
        wellBehaved = fixture.newClient();
        assertWellBehavedClientIsServed(0);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void assertWellBehavedClientIsServed(int sequence) throws Exception {
        RemotingCommand request = echoRequest(sequence);
        RemotingCommand response = wellBehaved.invokeSync(fixture.address, request, TIMEOUT_MILLIS)
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.opaque()).isEqualTo(request.opaque());
        assertThat(response.extFields()).containsEntry("seq", String.valueOf(sequence));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void closesTheOffendingConnectionAndKeepsServingOthers(Malformed input) throws Exception {
        try (RawConnection raw = new RawConnection(fixture.socketAddress)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> fixture.server.connectionCount() == 2);

            raw.send(input.bytes());
            if (input.thenHalfClose()) {
                raw.shutdownOutput();
            }

            raw.assertClosedByServer();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.server.connectionCount() == 1);
        assertThat(fixture.serverEvents.closes).hasValue(1);
        for (int i = 1; i <= 3; i++) {
            assertWellBehavedClientIsServed(i);
        }
        assertThat(fixture.serverEvents.connects).as("the well-behaved client kept its connection").hasValue(2);
    }

    /** A peer opening connection after connection to send garbage gets one escaped line, not one per connection. */
    @Test
    void aPeerSendingGarbageOnManyConnectionsIsLoggedOnceWithoutItsRawBytes() throws Exception {
        String peer = "127.0.0." + (2 + (int) (ProcessHandle.current().pid() % 200));
        try (LogLines logs = new LogLines(RemotingFrameDecoder.class)) {
            for (int i = 0; i < 40; i++) {
                try (RawConnection raw = new RawConnection(fixture.socketAddress, peer)) {
                    raw.send(typed(0x00000010, "{\"code\":\u0001\u001b[31m" + i));
                    raw.assertClosedByServer();
                }
            }
            assertWellBehavedClientIsServed(1);
            assertThat(logs.containing(peer)).singleElement().satisfies(line -> {
                assertThat(line.getThrowableProxy()).isNull();
                assertThat(line.getFormattedMessage()).doesNotContain("\u0001").doesNotContain("\u001b");
            });
        }
    }
}
