package io.nimbusmq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.nimbusmq.remoting.protocol.RemotingVersion;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class RegisterBrokerBodyTests {

    private static final long TIMESTAMP = 1700000000000L;
    private static final TopicConfig TOPIC_TEST = TopicConfig.of("TopicTest", 4);

    @Test
    void encodesLikeTheOfficialBroker() {
        RegisterBrokerBody body = RegisterBrokerBody.of(
                TopicConfigSerializeWrapper.of(List.of(TOPIC_TEST), new DataVersion(1, 0, TIMESTAMP)));

        assertThat(new String(body.encode(), StandardCharsets.UTF_8)).isEqualTo(GoldenBodies.REGISTER_BROKER);
    }

    @Test
    void decodesTheOfficialBrokersBody() {
        RegisterBrokerBody body = RegisterBrokerBody.decode(utf8(GoldenBodies.REGISTER_BROKER), false,
                RemotingVersion.V5_3_1);

        TopicConfigSerializeWrapper wrapper = body.topicConfigSerializeWrapper();
        assertThat(body.filterServerList()).isEmpty();
        assertThat(wrapper.dataVersion()).isEqualTo(new DataVersion(1, 0, TIMESTAMP));
        assertThat(wrapper.topicConfigTable()).containsExactly(Map.entry("TopicTest", TOPIC_TEST));
        assertThat(wrapper.topicQueueMappingInfoMap()).isEmpty();
    }

    @Test
    void decodesACompressedBodyWithTopicQueueMappings() throws IOException {
        byte[] compressed = officialCompressedBody(true);

        RegisterBrokerBody body = RegisterBrokerBody.decode(compressed, true, RemotingVersion.V5_3_1);

        TopicConfigSerializeWrapper wrapper = body.topicConfigSerializeWrapper();
        assertThat(wrapper.dataVersion()).isEqualTo(new DataVersion(2, 0, TIMESTAMP));
        assertThat(wrapper.topicConfigTable()).containsOnlyKeys("TopicTest", "%RETRY%cg");
        assertThat(wrapper.topicConfigTable().get("TopicTest")).isEqualTo(TOPIC_TEST);
        assertThat(wrapper.topicConfigTable().get("%RETRY%cg"))
                .isEqualTo(new TopicConfig("%RETRY%cg", 1, 1, 6, "SINGLE_TAG", 0, false, Map.of("message.type", "NORMAL")));
        assertThat(body.filterServerList()).containsExactly("127.0.0.1:30000");
        assertThat(wrapper.topicQueueMappingInfoMap()).containsOnlyKeys("StaticTopic");
        assertThat(wrapper.topicQueueMappingInfoMap().get("StaticTopic").path("bname").asText()).isEqualTo("broker-a");
    }

    @Test
    void compressedBodiesFromSendersOlderThanV500HaveNoMappingSection() throws IOException {
        byte[] compressed = officialCompressedBody(false);

        RegisterBrokerBody body = RegisterBrokerBody.decode(compressed, true, RemotingVersion.V4_9_4);

        assertThat(body.topicConfigSerializeWrapper().topicConfigTable()).hasSize(2);
        assertThat(body.topicConfigSerializeWrapper().topicQueueMappingInfoMap()).isEmpty();
    }

    @Test
    void compressedFormRoundTrips() {
        TopicConfig ordered = new TopicConfig("A", 2, 3, 4, "SINGLE_TAG", 0, false, Map.of("k", "v w"));
        RegisterBrokerBody body = RegisterBrokerBody.of(
                TopicConfigSerializeWrapper.of(List.of(TOPIC_TEST, ordered), new DataVersion(5, 1, TIMESTAMP)));

        RegisterBrokerBody decoded = RegisterBrokerBody.decode(body.encodeCompressed(), true, RemotingVersion.V5_3_1);

        assertThat(decoded.topicConfigSerializeWrapper().topicConfigTable())
                .isEqualTo(body.topicConfigSerializeWrapper().topicConfigTable());
        assertThat(decoded.topicConfigSerializeWrapper().dataVersion()).isEqualTo(new DataVersion(5, 1, TIMESTAMP));
    }

    @Test
    void sendersOlderThanV3011SendABareTopicConfigWrapper() {
        String wrapperJson = RemotingJson.toJson(
                TopicConfigSerializeWrapper.of(List.of(TOPIC_TEST), new DataVersion(1, 0, TIMESTAMP)));

        RegisterBrokerBody body = RegisterBrokerBody.decode(utf8(wrapperJson), false, RemotingVersion.V3_0_11 - 1);

        assertThat(body.topicConfigSerializeWrapper().topicConfigTable()).containsOnlyKeys("TopicTest");
    }

    @Test
    void aMissingBodyIsAnEmptyRegistrationAtVersionZero() {
        RegisterBrokerBody body = RegisterBrokerBody.decode(null, false, RemotingVersion.V5_3_1);

        assertThat(body.topicConfigSerializeWrapper().dataVersion()).isEqualTo(DataVersion.ZERO);
        assertThat(body.topicConfigSerializeWrapper().topicConfigTable()).isEmpty();
    }

    @Test
    void rejectsACorruptCompressedBody() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegisterBrokerBody.decode(new byte[] {1, 2, 3}, true, RemotingVersion.V5_3_1))
                .withMessageContaining("compressed REGISTER_BROKER body");
    }

    /** Written the way RocketMQ's RegisterBrokerBody#encode(true) lays the stream out, independently of our encoder. */
    private static byte[] officialCompressedBody(boolean withMappings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            block(out, "{\"counter\":2,\"stateVersion\":0,\"timestamp\":" + TIMESTAMP + "}");
            out.writeInt(2);
            block(out, "TopicTest 4 4 6 SINGLE_TAG {}");
            block(out, "%RETRY%cg 1 1 6 SINGLE_TAG {\"message.type\":\"NORMAL\"}");
            block(out, "[\"127.0.0.1:30000\"]");
            if (withMappings) {
                out.writeInt(1);
                block(out, "{\"bname\":\"broker-a\",\"currIdCounter\":0,\"dirty\":false,\"epoch\":0,"
                        + "\"scope\":\"__global__\",\"topic\":\"StaticTopic\",\"totalQueues\":4}");
            }
        }
        return bytes.toByteArray();
    }

    private static void block(DataOutputStream out, String text) throws IOException {
        byte[] data = utf8(text);
        out.writeInt(data.length);
        out.write(data);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
