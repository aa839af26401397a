package io.nimbusmq.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicConfigTableTests {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("config/topics.json");
    }

    /** A table on {@link #file()} with topic auto-creation on, loaded as a start loads it. */
    private TopicConfigTable loaded() throws IOException {
        TopicConfigTable table = new TopicConfigTable(file(), true);
        table.load();
        return table;
    }

    @Test
    void aStartThatOnlyCreatesTheSystemTopicsWritesNoFile() throws IOException {
        Path file = file();
        TopicConfigTable table = loaded();
        long before = table.dataVersion();

        table.createSystemTopics("DefaultCluster", "broker-a");

        assertThat(file).doesNotExist();
        assertThat(table.find(SystemTopics.SCHEDULE_TOPIC)).isNotNull();
        assertThat(table.find("DefaultCluster").isInheritable()).isTrue();
        assertThat(table.dataVersion()).isGreaterThan(before);
    }

    @Test
    void theFirstChangeWritesEveryTopicAndAStartReadsThemBack() throws IOException {
        Path file = file();
        TopicConfigTable table = loaded();
        table.createSystemTopics("DefaultCluster", "broker-a");

        table.createOrUpdate(TopicConfig.of("Orders", 4));

        assertThat(file).exists();
        TopicConfigTable restarted = loaded();
        assertThat(restarted.find("Orders").writeQueueNums()).isEqualTo(4);
        assertThat(restarted.find(SystemTopics.SCHEDULE_TOPIC)).isNotNull();
        assertThat(restarted.find("broker-a")).isNotNull();
    }

    @Test
    void systemTopicsComeBackAtTheNextStartWithoutAFile() throws IOException {
        Path file = file();
        TopicConfigTable first = loaded();
        first.createSystemTopics("DefaultCluster", "broker-a");

        TopicConfigTable restarted = loaded();
        restarted.createSystemTopics("DefaultCluster", "broker-a");

        assertThat(restarted.all()).extracting(TopicConfig::topicName)
                .containsExactlyInAnyOrderElementsOf(first.all().stream().map(TopicConfig::topicName).toList());
    }
}
