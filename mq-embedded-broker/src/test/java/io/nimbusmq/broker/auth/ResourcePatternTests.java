package io.nimbusmq.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourcePatternTests {

    @Test
    void parsesRocketMqsResourceNotation() {
        assertThat(ResourcePattern.parse("*")).isEqualTo(ResourcePattern.EVERYTHING);
        assertThat(ResourcePattern.parse("Topic:*")).isEqualTo(ResourcePattern.any(Resource.Kind.TOPIC));
        assertThat(ResourcePattern.parse("topic:orders*")).isEqualTo(
                new ResourcePattern(Resource.Kind.TOPIC, "orders", ResourcePattern.Match.PREFIXED));
        assertThat(ResourcePattern.parse("GROUP:billing")).isEqualTo(
                ResourcePattern.literal(Resource.Kind.GROUP, "billing"));
        assertThat(ResourcePattern.parse("Cluster:DefaultCluster").toString()).isEqualTo("Cluster:DefaultCluster");
        assertThat(ResourcePattern.parse("Topic:orders*").toString()).isEqualTo("Topic:orders*");
    }

    @Test
    void unknownKindsAndMissingNamesAreRefused() {
        for (String bad : new String[] {"Queue:orders", "orders", "Topic:", "", "Namespace:x"}) {
            assertThatThrownBy(() -> ResourcePattern.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid resource");
        }
    }

    @Test
    void matchesByKindAndName() {
        Resource orders = Resource.topic("orders-eu");
        assertThat(ResourcePattern.parse("*").matches(Resource.cluster("c"))).isTrue();
        assertThat(ResourcePattern.parse("Topic:*").matches(orders)).isTrue();
        assertThat(ResourcePattern.parse("Group:*").matches(orders)).isFalse();
        assertThat(ResourcePattern.parse("Topic:orders*").matches(orders)).isTrue();
        assertThat(ResourcePattern.parse("Topic:order-*").matches(orders)).isFalse();
        assertThat(ResourcePattern.parse("Topic:orders").matches(orders)).isFalse();
        assertThat(ResourcePattern.parse("Topic:orders-eu").matches(orders)).isTrue();
    }

    @Test
    void literalBeatsLongerPrefixBeatsShorterPrefixBeatsKindWildcardBeatsEverything() {
        assertThat(ResourcePattern.parse("Topic:orders-eu").specificity())
                .isGreaterThan(ResourcePattern.parse("Topic:orders-*").specificity());
        assertThat(ResourcePattern.parse("Topic:orders-*").specificity())
                .isGreaterThan(ResourcePattern.parse("Topic:o*").specificity());
        assertThat(ResourcePattern.parse("Topic:o*").specificity())
                .isGreaterThan(ResourcePattern.parse("Topic:*").specificity());
        assertThat(ResourcePattern.parse("Topic:*").specificity())
                .isGreaterThan(ResourcePattern.parse("*").specificity());
    }
}
