package io.nimbusmq.remoting.protocol.body.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.nimbusmq.remoting.protocol.body.RemotingJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionDataTests {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "*", " * "})
    void subscribesToAllTags(String expression) {
        SubscriptionData subscription = SubscriptionData.ofTags("T", expression, 5);

        assertThat(subscription.subString()).isEqualTo("*");
        assertThat(subscription.tagsSet()).isEmpty();
        assertThat(subscription.codeSet()).isEmpty();
        assertThat(subscription.tagExpression()).isTrue();
    }

    @Test
    void splitsTagsOnDoublePipeAndHashesThem() {
        SubscriptionData subscription = SubscriptionData.ofTags("T", " tagA ||tagB|| ", 5);

        assertThat(subscription.subString()).isEqualTo(" tagA ||tagB|| ");
        assertThat(subscription.tagsSet()).containsExactly("tagA", "tagB");
        assertThat(subscription.codeSet()).containsExactly("tagA".hashCode(), "tagB".hashCode())
                .containsExactly(3552231, 3552232);
    }

    @Test
    void sql92KeepsExpressionWithEmptySets() {
        SubscriptionData subscription = SubscriptionData.ofSql92("T", "a > 5", 5);

        assertThat(subscription.tagExpression()).isFalse();
        assertThat(RemotingJson.toJson(subscription)).isEqualTo("{\"classFilterMode\":false,\"codeSet\":[],"
                + "\"expressionType\":\"SQL92\",\"subString\":\"a > 5\",\"subVersion\":5,\"tagsSet\":[],"
                + "\"topic\":\"T\"}");
    }

    @Test
    void treatsMissingOrBlankExpressionTypeAsTag() {
        assertThat(ExpressionType.isTag(null)).isTrue();
        assertThat(ExpressionType.isTag("")).isTrue();
        assertThat(ExpressionType.isTag("TAG")).isTrue();
        assertThat(ExpressionType.isTag("SQL92")).isFalse();
    }
}
