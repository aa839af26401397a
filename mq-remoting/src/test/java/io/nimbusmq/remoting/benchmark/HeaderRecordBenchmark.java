package io.nimbusmq.remoting.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.ToLongFunction;

import io.netty.buffer.Unpooled;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.PullMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.PullMessageResponseHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageResponseHeader;

/**
 * Micro-benchmark (plain main, not a test) of the broker's header work per send and per pull, done with the header
 * types (read the request header, write the response header) and done as the broker did before them (a record of its
 * own for the send request, every other field read and written by name),
 * on a SEND_MESSAGE_V2 request as the official 5.3.1 client writes it and a push consumer's PULL_MESSAGE. Prints
 * thread-CPU ns/op and allocated bytes/op per round; run after {@code mvn -o -pl mq-remoting -am test-compile}:
 * <pre>
 * java -cp "$(cat cp.txt):mq-message/target/classes:mq-remoting/target/classes:mq-remoting/target/test-classes" \
 *     io.nimbusmq.remoting.benchmark.HeaderRecordBenchmark
 * </pre>
 * System properties: {@code benchmark.rounds} (default 10), {@code benchmark.opsPerRound} (default 1,000,000).
 */
public final class HeaderRecordBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String MSG_ID = "7F00000100002A9F0000000000012345";
    private static final String UNIQ_KEY = "7F00000100002A9F0000000000000001";

    private HeaderRecordBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("benchmark.rounds", 10);
        int ops = Integer.getInteger("benchmark.opsPerRound", 1_000_000);
        byte[] frame = HeaderDecodeBenchmark.officialSendMessageV2Frame();
        RemotingCommand send = RemotingCommandCodec.decode(Unpooled.wrappedBuffer(frame, 4, frame.length - 4));
        RemotingCommand pull = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE, new PullMessageRequestHeader(
                "cg", "BenchmarkTopic", 3, 1_000L, 32, 0x3, 990L, 15_000L, null, 1_763_700_000_000L, "TAG", null,
                "broker-a"));
        RemotingCommand sendResponse = RemotingCommand.createResponse(send, ResponseCode.SUCCESS, null);
        SendMessageResponseHeader.writeStored(sendResponse, MSG_ID, 3, 123_456L, UNIQ_KEY, "DefaultRegion", true);
        long sink = 0;
        for (int round = 1; round <= rounds; round++) {
            String line = measure("broker send, header types", ops, send, HeaderRecordBenchmark::sendWithHeaders)
                    + measure("by name", ops, send, HeaderRecordBenchmark::sendFieldByField)
                    + measure("| broker pull, header types", ops, pull, HeaderRecordBenchmark::pullWithHeaders)
                    + measure("by name", ops, pull, HeaderRecordBenchmark::pullFieldByField)
                    + measure("| client send, header types", ops, sendResponse,
                            HeaderRecordBenchmark::clientSendWithHeaders)
                    + measure("by name", ops, sendResponse, HeaderRecordBenchmark::clientSendFieldByField);
            System.out.printf(Locale.ROOT, "round %2d:%s%n", round, line);
            sink += line.length();
        }
        System.out.println("(sink " + sink + ")");
    }

    private static String measure(String name, int ops, RemotingCommand request,
            ToLongFunction<RemotingCommand> work) {
        long sink = 0;
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < ops; i++) {
            sink += work.applyAsLong(request);
        }
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes;
        return String.format(Locale.ROOT, " %s %5.0f ns %4.0f B%s", name, (double) cpu / ops, (double) bytes / ops,
                sink == 42 ? "!" : "");
    }

    /** What SendMessageProcessor does with the header types. */
    private static long sendWithHeaders(RemotingCommand request) {
        SendMessageRequestHeader header = SendMessageRequestHeader.readFrom(request);
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, null);
        SendMessageResponseHeader.writeStored(response.setCode(ResponseCode.SUCCESS), MSG_ID, header.queueId(),
                123_456L, UNIQ_KEY, "DefaultRegion", true);
        return response.extFields().size() + header.bornTimestamp();
    }

    /** The same, field by field, as the broker read and wrote them before the header types. */
    private static long sendFieldByField(RemotingCommand request) {
        String producerGroup = request.requiredString("a");
        String topic = request.requiredString("b");
        String defaultTopic = request.requiredString("c");
        int defaultTopicQueueNums = request.requiredInt("d");
        int queueId = request.requiredInt("e");
        int sysFlag = request.requiredInt("f");
        long bornTimestamp = request.requiredLong("g");
        int flag = request.requiredInt("h");
        String properties = request.optionalString("i", "");
        int reconsumeTimes = request.optionalInt("j", 0);
        boolean unitMode = request.optionalBoolean("k", false);
        Integer maxReconsumeTimes = request.optionalString("l") == null ? null : request.requiredInt("l");
        boolean batch = request.optionalBoolean("m", false);
        SendHeaderBefore before = new SendHeaderBefore(producerGroup, topic, defaultTopic, defaultTopicQueueNums,
                queueId, sysFlag, bornTimestamp, flag, properties, reconsumeTimes, unitMode, maxReconsumeTimes, batch);
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, null);
        response.putExtField("MSG_REGION", "DefaultRegion");
        response.putExtField("TRACE_ON", "true");
        response.setCode(ResponseCode.SUCCESS);
        response.putExtField("msgId", MSG_ID);
        response.putExtField("queueId", queueId);
        response.putExtField("queueOffset", 123_456L);
        response.putExtField("transactionId", UNIQ_KEY);
        return response.extFields().size() + before.bornTimestamp() + before.queueId();
    }

    /** The broker's own send header record before the header types (processor.SendMessageRequestHeader). */
    private record SendHeaderBefore(String producerGroup, String topic, String defaultTopic,
            int defaultTopicQueueNums, int queueId, int sysFlag, long bornTimestamp, int flag, String properties,
            int reconsumeTimes, boolean unitMode, Integer maxReconsumeTimes, boolean batch) {
    }

    /** What the client's MessageSender does with the header types: write the request, read the response. */
    private static long clientSendWithHeaders(RemotingCommand response) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2,
                new SendMessageRequestHeader("pg", "BenchmarkTopic", "TBW102", 4, 3, 0, 1_763_700_000_000L, 0,
                        UNIQ_KEY, 0, false, null, false, "broker-a"));
        SendMessageResponseHeader header = SendMessageResponseHeader.readFrom(response);
        return request.extFields().size() + header.queueOffset() + header.queueId() + header.msgId().length();
    }

    /** The same, by name, as the client did before the header types. */
    private static long clientSendFieldByField(RemotingCommand response) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2)
                .putExtField("a", "pg").putExtField("b", "BenchmarkTopic").putExtField("c", "TBW102")
                .putExtField("d", 4).putExtField("e", 3).putExtField("f", 0)
                .putExtField("g", 1_763_700_000_000L).putExtField("h", 0).putExtField("i", UNIQ_KEY)
                .putExtField("j", 0).putExtField("k", false).putExtField("l", null).putExtField("m", false)
                .putExtField("n", "broker-a").putExtField("bname", "broker-a");
        int queueId = response.optionalInt("queueId", 3);
        long queueOffset = response.optionalLong("queueOffset", -1);
        String msgId = response.optionalString("msgId");
        return request.extFields().size() + queueOffset + queueId + msgId.length()
                + response.optionalString("transactionId").length();
    }

    /** What PullMessageProcessor does with the header types (a pull that finds nothing). */
    private static long pullWithHeaders(RemotingCommand request) {
        PullMessageRequestHeader header = PullMessageRequestHeader.readFrom(request);
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.PULL_NOT_FOUND, null)
                .writeHeader(new PullMessageResponseHeader(0L, header.queueOffset(), 0L, 1_000L, null));
        return response.extFields().size() + header.commitOffset();
    }

    /** The same, field by field. */
    private static long pullFieldByField(RemotingCommand request) {
        String group = request.requiredString("consumerGroup");
        String topic = request.requiredString("topic");
        int queueId = request.requiredInt("queueId");
        long queueOffset = request.requiredLong("queueOffset");
        int maxMessages = request.requiredInt("maxMsgNums");
        int sysFlag = request.requiredInt("sysFlag");
        long suspendMillis = request.requiredLong("suspendTimeoutMillis");
        long commitOffset = request.optionalLong("commitOffset", -1);
        long subVersion = request.optionalLong("subVersion", 0);
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.PULL_NOT_FOUND, null);
        response.putExtField("suggestWhichBrokerId", 0);
        response.putExtField("nextBeginOffset", queueOffset);
        response.putExtField("minOffset", 0L);
        response.putExtField("maxOffset", 1_000L);
        return response.extFields().size() + commitOffset + group.length() + topic.length() + queueId + maxMessages
                + sysFlag + suspendMillis + subVersion;
    }
}
