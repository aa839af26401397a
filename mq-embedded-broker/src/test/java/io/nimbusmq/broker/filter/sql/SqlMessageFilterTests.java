package io.nimbusmq.broker.filter.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import org.junit.jupiter.api.Test;

/** The SQL92 store filter on stored message bytes, as the store hands candidates to it. */
class SqlMessageFilterTests {

    @Test
    void everyConsumeQueueEntryIsACandidate() {
        SqlMessageFilter filter = SqlMessageFilter.compile("TAGS = 'a'");
        assertThat(filter.matchesTagsCode("b".hashCode())).isTrue();
        assertThat(filter.matchesTagsCode(0)).isTrue();
    }

    @Test
    void selectsByTheStoredPropertiesIncludingTags() {
        SqlMessageFilter filter = SqlMessageFilter.compile("TAGS = 'TagA' AND amount > 10");
        assertThat(filter.matchesMessage(stored(Map.of("TAGS", "TagA", "amount", "11")))).isTrue();
        assertThat(filter.matchesMessage(stored(Map.of("TAGS", "TagA", "amount", "10")))).isFalse();
        assertThat(filter.matchesMessage(stored(Map.of("TAGS", "TagB", "amount", "11")))).isFalse();
        assertThat(filter.matchesMessage(stored(Map.of("amount", "11")))).as("no tag").isFalse();
    }

    @Test
    void aMessageTheSelectorCannotBeEvaluatedAgainstDoesNotMatch() {
        SqlMessageFilter filter = SqlMessageFilter.compile("amount > 10 OR TAGS = 'TagA'");
        assertThat(filter.matchesMessage(stored(Map.of("TAGS", "TagA", "amount", "ten")))).isFalse();
    }

    @Test
    void aMessageWithoutPropertiesIsUnknownAndDoesNotMatch() {
        assertThat(SqlMessageFilter.compile("a = 'x'").matchesMessage(stored(Map.of()))).isFalse();
        assertThat(SqlMessageFilter.compile("a IS NULL").matchesMessage(stored(Map.of()))).isTrue();
    }

    private static ByteBuffer stored(Map<String, String> properties) {
        MessageInput message = MessageInput.builder("T", 0, "body".getBytes(StandardCharsets.UTF_8))
                .properties(MessageProperties.encode(properties)).build();
        byte[] topic = "T".getBytes(StandardCharsets.UTF_8);
        byte[] props = message.properties().getBytes(StandardCharsets.UTF_8);
        int sysFlag = MessageCodec.effectiveSysFlag(message);
        ByteBuffer buffer = ByteBuffer.allocate(MessageCodec.recordSize(sysFlag, message.body().length,
                topic.length, props.length));
        MessageCodec.encode(message, topic, props, sysFlag, buffer);
        return buffer.flip();
    }
}
