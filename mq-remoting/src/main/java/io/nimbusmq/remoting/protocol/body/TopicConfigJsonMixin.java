package io.nimbusmq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Jackson mix-in for {@link TopicConfig}: its JSON is fastjson's rendering of RocketMQ's
 * {@code TopicConfig}, {@code {"attributes":{},"order":false,"perm":6,"readQueueNums":4,"topicFilterType":"SINGLE_TAG",
 * "topicName":"T","topicSysFlag":0,"writeQueueNums":4}}, so the record's derived {@code isReadable()}-style methods
 * must not become properties.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(value = {"readable", "writable", "inheritable"}, ignoreUnknown = true)
abstract class TopicConfigJsonMixin {
}
