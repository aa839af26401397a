package io.nimbusmq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemotingJsonTests {

    @Test
    void readsUnquotedFieldNamesSingleQuotesAndNumbersFromStrings() {
        String lenient = "{counter:'7',stateVersion:\"2\",'timestamp':1700000000000}";

        assertThat(RemotingJson.decode(lenient, DataVersion.class)).isEqualTo(new DataVersion(7, 2, 1700000000000L));
    }

    @Test
    void ignoresUnknownPropertiesAndDefaultsMissingOnes() {
        DataVersion version = RemotingJson.decode("{\"counter\":3,\"somethingNew\":{\"a\":[1,2]}}", DataVersion.class);

        assertThat(version).isEqualTo(new DataVersion(3, 0, 0));
    }

    @Test
    void leavesNullPropertiesOut() {
        BrokerData noName = new BrokerData(Map.of(), null, "c", false);

        assertThat(RemotingJson.toJson(noName)).isEqualTo("{\"brokerAddrs\":{},\"cluster\":\"c\",\"enableActingMaster\":false}");
    }

    @Test
    void writesPropertiesAndMapKeysAlphabetically() {
        TopicConfig topic = new TopicConfig("T", 8, 4, 6, null, 0, true, Map.of("z", "1", "a", "2"));

        assertThat(RemotingJson.toJson(topic)).isEqualTo("{\"attributes\":{\"a\":\"2\",\"z\":\"1\"},\"order\":true,"
                + "\"perm\":6,\"readQueueNums\":8,\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"T\","
                + "\"topicSysFlag\":0,\"writeQueueNums\":4}");
    }

    @Test
    void readsTopicConfigBack() {
        TopicConfig topic = new TopicConfig("T", 8, 4, 6, "SINGLE_TAG", 1, true, Map.of("k", "v"));

        assertThat(RemotingJson.decode(RemotingJson.encode(topic), TopicConfig.class)).isEqualTo(topic);
    }

    @Test
    void writesTopicListAndKvTable() {
        assertThat(RemotingJson.toJson(TopicList.of(Set.of("b", "a")))).isEqualTo("{\"topicList\":[\"a\",\"b\"]}");
        assertThat(RemotingJson.toJson(new KvTable(Map.of("T", "broker-a:4")))).isEqualTo("{\"table\":{\"T\":\"broker-a:4\"}}");
        assertThat(RemotingJson.decode("{\"topicList\":[\"x\"],\"brokerAddr\":\"h:1\"}", TopicList.class).topicList())
                .containsExactly("x");
    }

    @Test
    void rejectsMissingOrMalformedBodies() {
        assertThatIllegalArgumentException().isThrownBy(() -> RemotingJson.decode((byte[]) null, DataVersion.class))
                .withMessageContaining("missing DataVersion body");
        assertThatIllegalArgumentException().isThrownBy(() -> RemotingJson.decode("{\"counter\":", DataVersion.class))
                .withMessageContaining("cannot read DataVersion body");
    }

    @Test
    void dataVersionAdvancesCounterAndTimestamp() {
        DataVersion first = DataVersion.initial(1000);

        assertThat(first.next(2000)).isEqualTo(new DataVersion(1, 0, 2000));
        assertThat(first.next(2000).next(3000).counter()).isEqualTo(2);
    }
}
