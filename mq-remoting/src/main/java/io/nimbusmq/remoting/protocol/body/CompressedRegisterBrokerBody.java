package io.nimbusmq.remoting.protocol.body;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The compressed REGISTER_BROKER body (header {@code compressed=true}, remoting-protocol.md §3.1): one zlib
 * (Deflater) stream of big-endian length-prefixed blocks.
 * <pre>
 * i32 len, DataVersion JSON
 * i32 topicCount, then per topic: i32 len, "name readQueueNums writeQueueNums perm topicFilterType attributesJson"
 * i32 len, filter server list JSON
 * i32 mappingCount, then per mapping: i32 len, TopicQueueMappingInfo JSON      (only from senders >= V5_0_0)
 * </pre>
 * A topic line carries neither {@code topicSysFlag} nor {@code order}; they decode as 0 and false. Brokers have
 * deprecated this form, but a name server must still read it.
 */
final class CompressedRegisterBrokerBody {

    /** Largest block we accept; the whole frame is at most 16 MiB anyway. */
    private static final int MAX_BLOCK_BYTES = 64 * 1024 * 1024;
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private CompressedRegisterBrokerBody() {
    }

    static RegisterBrokerBody decode(byte[] data, boolean withMappings) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            DataVersion dataVersion = RemotingJson.decode(readBlock(in), DataVersion.class);
            int topicCount = readCount(in);
            Map<String, TopicConfig> topics = new TreeMap<>();
            for (int i = 0; i < topicCount; i++) {
                TopicConfig topic = parseTopicLine(new String(readBlock(in), StandardCharsets.UTF_8));
                topics.put(topic.topicName(), topic);
            }
            List<String> filterServers = RemotingJson.mapper().readValue(readBlock(in), STRING_LIST);
            Map<String, JsonNode> mappingInfos = new TreeMap<>();
            if (withMappings) {
                int mappingCount = readCount(in);
                for (int i = 0; i < mappingCount; i++) {
                    JsonNode info = RemotingJson.mapper().readTree(readBlock(in));
                    mappingInfos.put(info.path("topic").asText(), info);
                }
            }
            return new RegisterBrokerBody(filterServers,
                    new TopicConfigSerializeWrapper(dataVersion, null, topics, null, mappingInfos));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read compressed REGISTER_BROKER body: " + e.getMessage(), e);
        }
    }

    static byte[] encode(RegisterBrokerBody body) {
        TopicConfigSerializeWrapper wrapper = body.topicConfigSerializeWrapper();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            writeBlock(out, RemotingJson.encode(wrapper.dataVersion()));
            out.writeInt(wrapper.topicConfigTable().size());
            for (TopicConfig topic : wrapper.topicConfigTable().values()) {
                writeBlock(out, topicLine(topic).getBytes(StandardCharsets.UTF_8));
            }
            writeBlock(out, RemotingJson.encode(body.filterServerList()));
            out.writeInt(wrapper.topicQueueMappingInfoMap().size());
            for (JsonNode info : wrapper.topicQueueMappingInfoMap().values()) {
                writeBlock(out, RemotingJson.encode(info));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress REGISTER_BROKER body", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** {@code "name readQueueNums writeQueueNums perm topicFilterType attributesJson"}, RocketMQ's TopicConfig#encode. */
    static String topicLine(TopicConfig topic) {
        return topic.topicName() + ' ' + topic.readQueueNums() + ' ' + topic.writeQueueNums() + ' ' + topic.perm()
                + ' ' + topic.topicFilterType() + ' '
                + new String(RemotingJson.encode(topic.attributes()), StandardCharsets.UTF_8);
    }

    static TopicConfig parseTopicLine(String line) throws IOException {
        String[] parts = line.split(" ", 6);
        if (parts.length < 5) {
            throw new IOException("topic line needs at least 5 space-separated fields: '" + line + "'");
        }
        Map<String, String> attributes = parts.length == 6 && !parts[5].isBlank()
                ? RemotingJson.mapper().readValue(parts[5], STRING_MAP) : Map.of();
        try {
            return new TopicConfig(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]), parts[4], 0, false, attributes);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad topic line '" + line + "': " + e.getMessage(), e);
        }
    }

    private static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative count " + count);
        }
        return count;
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BLOCK_BYTES) {
            throw new IOException("block length " + length + " out of range");
        }
        byte[] block = new byte[length];
        in.readFully(block);
        return block;
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }
}
