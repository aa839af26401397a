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

    @Test
    void aStartThatOnlyCreatesTheSystemTopicsWritesNoFile() throws IOException {
        Path file = dir.resolve("config/topics.json");
        TopicConfigTable table = new TopicConfigTable(file, true);
        table.load();
        long before = table.dataVersion();

        table.createSystemTopics("DefaultCluster", "broker-a");

        assertThat(file).doesNotExist();
        assertThat(table.find(SystemTopics.SCHEDULE_TOPIC)).isNotNull();
        assertThat(table.find("DefaultCluster").isInheritable()).isTrue();
        assertThat(table.dataVersion()).isGreaterThan(before);
    }

    @Test
    void theFirstChangeWritesEveryTopicAndAStartReadsThemBack() throws IOException {
        Path file = dir.resolve("config/topics.json");
        TopicConfigTable table = new TopicConfigTable(file, true);
        table.load();
        table.createSystemTopics("DefaultCluster", "broker-a");

        table.createOrUpdate(TopicConfig.of("Orders", 4));

        assertThat(file).exists();
        TopicConfigTable restarted = new TopicConfigTable(file, true);
        restarted.load();
        assertThat(restarted.find("Orders").writeQueueNums()).isEqualTo(4);
        assertThat(restarted.find(SystemTopics.SCHEDULE_TOPIC)).isNotNull();
        assertThat(restarted.find("broker-a")).isNotNull();
    }

    @Test
    void systemTopicsComeBackAtTheNextStartWithoutAFile() throws IOException {
        Path file = dir.resolve("config/topics.json");
        TopicConfigTable first = new TopicConfigTable(file, true);
        first.load();
        first.createSystemTopics("DefaultCluster", "broker-a");

        TopicConfigTable restarted = new TopicConfigTable(file, true);
        restarted.load();
        restarted.createSystemTopics("DefaultCluster", "broker-a");

        assertThat(restarted.all()).extracting(TopicConfig::topicName)
                .containsExactlyInAnyOrderElementsOf(first.all().stream().map(TopicConfig::topicName).toList());
    }
}
