package io.nimbusmq.remoting.benchmark;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2;

/**
 * Micro-benchmark (plain main, not a test) of decoding a SEND_MESSAGE_V2 JSON header exactly as the official
 * 5.3.1 client serializes it (its own {@code RemotingCommand.encodeHeader}), and of encoding a typical send
 * response. Prints ns/op per round; run from the repository root after {@code mvn -o -pl mq-embedded-broker -am
 * test-compile}:
 * <pre>
 * java -cp "$(cat cp.txt):mq-embedded-broker/target/classes:mq-embedded-broker/target/test-classes:..." \
 *     io.nimbusmq.remoting.benchmark.HeaderDecodeBenchmark
 * </pre>
 * Prints wall and thread-CPU ns/op. System properties: {@code benchmark.rounds} (default 10), {@code benchmark.opsPerRound} (default 1,000,000).
 */
public final class HeaderDecodeBenchmark {

    /** Thread CPU time is the steadier figure on a shared, loaded machine (wall time counts waiting for a core). */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private HeaderDecodeBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("benchmark.rounds", 10);
        int ops = Integer.getInteger("benchmark.opsPerRound", 1_000_000);
        byte[] frame = officialSendMessageV2Frame();
        RemotingCommand decoded = decode(frame);
        System.out.printf("SEND_MESSAGE_V2 frame: %d bytes, code %d, %d ext fields%n%s%n", frame.length,
                decoded.code(), decoded.extFields().size(), headerText(frame));
        RemotingCommand response = sendResponse(decoded);
        long sink = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                sink += decode(frame).extFields().size();
            }
            long decodeNanos = System.nanoTime() - start;
            long decodeCpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            ByteBuf out = Unpooled.buffer(512);
            start = System.nanoTime();
            cpuStart = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                out.clear();
                RemotingCommandCodec.encodeHeader(response, 0, out);
                sink += out.writerIndex();
            }
            long encodeNanos = System.nanoTime() - start;
            long encodeCpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            System.out.printf(Locale.ROOT, "round %2d: decode %7.1f ns/op (thread CPU %7.1f), encode response"
                    + " %7.1f ns/op (thread CPU %7.1f)%n", round, (double) decodeNanos / ops,
                    (double) decodeCpu / ops, (double) encodeNanos / ops, (double) encodeCpu / ops);
        }
        System.out.println("(sink " + sink + ")");
    }

    private static RemotingCommand decode(byte[] frame) {
        return RemotingCommandCodec.decode(Unpooled.wrappedBuffer(frame, 4, frame.length - 4));
    }

    /** The whole frame (length prefix, type-and-length word, JSON header, no body) the 5.3.1 client writes. */
    static byte[] officialSendMessageV2Frame() {
        SendMessageRequestHeader v1 = new SendMessageRequestHeader();
        v1.setProducerGroup("please_rename_unique_group_name");
        v1.setTopic("BenchmarkTopic");
        v1.setDefaultTopic("TBW102");
        v1.setDefaultTopicQueueNums(4);
        v1.setQueueId(3);
        v1.setSysFlag(0);
        v1.setBornTimestamp(1_763_700_000_000L);
        v1.setFlag(0);
        v1.setProperties(MessageDecoder.messageProperties2String(Map.of(
                MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "7F00000100002A9F0000000000000001",
                MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "true",
                MessageConst.PROPERTY_TAGS, "TagA")));
        v1.setReconsumeTimes(0);
        v1.setUnitMode(false);
        v1.setBatch(false);
        v1.setBrokerName("broker-a");
        System.setProperty(org.apache.rocketmq.remoting.protocol.RemotingCommand.REMOTING_VERSION_KEY,
                Integer.toString(MQVersion.CURRENT_VERSION)); // what the client sets before its first request
        SendMessageRequestHeaderV2 v2 = SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(v1);
        org.apache.rocketmq.remoting.protocol.RemotingCommand request =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(
                        RequestCode.SEND_MESSAGE_V2, v2);
        ByteBuffer header = request.encodeHeader(0);
        byte[] frame = new byte[header.remaining()];
        header.get(frame);
        return frame;
    }

    private static RemotingCommand sendResponse(RemotingCommand request) {
        RemotingCommand response = RemotingCommand.createResponse(request, 0, null);
        response.putExtField("msgId", "7F00000100002A9F0000000000012345");
        response.putExtField("queueId", 3);
        response.putExtField("queueOffset", 123_456L);
        response.putExtField("transactionId", "7F00000100002A9F0000000000000001");
        response.putExtField("MSG_REGION", "DefaultRegion");
        response.putExtField("TRACE_ON", "true");
        return response;
    }

    private static String headerText(byte[] frame) {
        return new String(frame, 8, frame.length - 8, StandardCharsets.UTF_8);
    }
}
