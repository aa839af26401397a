package io.nimbusmq.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cases of RocketMQ's {@code NamespaceUtil} (its javadoc examples and its system-resource exemptions). */
class NamespacesTests {

    @Test
    void wrapsTopicsGroupsRetryAndDeadLetterNames() {
        assertThat(Namespaces.wrap("ns", "orders")).isEqualTo("ns%orders");
        assertThat(Namespaces.wrap("ns", "%RETRY%billing")).isEqualTo("%RETRY%ns%billing");
        assertThat(Namespaces.wrap("ns", "%DLQ%billing")).isEqualTo("%DLQ%ns%billing");
        assertThat(SystemTopics.retryTopic(Namespaces.wrap("ns", "billing"))).isEqualTo("%RETRY%ns%billing");
    }

    @Test
    void wrappingIsIdempotentAndLeavesSystemResourcesAndEmptyNamespaces() {
        assertThat(Namespaces.wrap("ns", "ns%orders")).isEqualTo("ns%orders");
        assertThat(Namespaces.wrap("ns", "%RETRY%ns%billing")).isEqualTo("%RETRY%ns%billing");
        assertThat(Namespaces.wrap("ns", "TBW102")).isEqualTo("TBW102");
        assertThat(Namespaces.wrap("ns", "RMQ_SYS_TRACE_TOPIC")).isEqualTo("RMQ_SYS_TRACE_TOPIC");
        assertThat(Namespaces.wrap("ns", "rmq_sys_anything")).isEqualTo("rmq_sys_anything");
        assertThat(Namespaces.wrap("ns", "CID_RMQ_SYS_TRANS")).isEqualTo("CID_RMQ_SYS_TRANS");
        assertThat(Namespaces.wrap("ns", "DefaultCluster_REPLY_TOPIC")).isEqualTo("ns%DefaultCluster_REPLY_TOPIC");
        assertThat(Namespaces.unwrap("ns", "ns%DefaultCluster_REPLY_TOPIC")).isEqualTo("DefaultCluster_REPLY_TOPIC");
        assertThat(Namespaces.wrap(null, "orders")).isEqualTo("orders");
        assertThat(Namespaces.wrap("", "orders")).isEqualTo("orders");
    }

    @Test
    void unwrapsOnlyItsOwnNamespace() {
        assertThat(Namespaces.unwrap("ns", "ns%orders")).isEqualTo("orders");
        assertThat(Namespaces.unwrap("ns", "%RETRY%ns%billing")).isEqualTo("%RETRY%billing");
        assertThat(Namespaces.unwrap("ns", "%DLQ%ns%billing")).isEqualTo("%DLQ%billing");
        assertThat(Namespaces.unwrap("ns", "other%orders")).isEqualTo("other%orders");
        assertThat(Namespaces.unwrap("ns", "nsx%orders")).isEqualTo("nsx%orders");
        assertThat(Namespaces.unwrap("ns", "orders")).isEqualTo("orders");
        assertThat(Namespaces.unwrap(null, "ns%orders")).isEqualTo("ns%orders");
    }

    @Test
    void namespacesUseTheCharactersOfATopicLessTheSeparators() {
        assertThat(Namespaces.isValid("tenant-a_01")).isTrue();
        assertThat(Namespaces.isValid(null)).isTrue();
        assertThat(Namespaces.isValid("")).isTrue();
        assertThat(Namespaces.isValid("a%b")).isFalse();
        assertThat(Namespaces.isValid("a|b")).isFalse();
        assertThat(Namespaces.isValid("a b")).isFalse();
        assertThat(Namespaces.isValid("ä")).isFalse();
    }
}
