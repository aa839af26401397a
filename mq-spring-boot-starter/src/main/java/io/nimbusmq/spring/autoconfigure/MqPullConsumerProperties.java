package io.nimbusmq.spring.autoconfigure;

import java.time.Duration;

import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;

/**
 * The lite-pull consumer behind {@code MqTemplate.receive(...)}, {@code mq.pull-consumer.*}: made on the first
 * receive when a topic and a group are set, and closed with the template.
 */
public class MqPullConsumerProperties {

    /** Topic that receive(...) reads. */
    private String topic;

    /** Consumer group of receive(...). */
    private String group;

    /** TAG or SQL92. */
    private SelectorType selectorType = SelectorType.TAG;

    /** Selector of the topic: *, tagA || tagB, or a SQL92 condition. */
    private String selectorExpression = "*";

    /** Messages per pull, and at most per receive(...) call from one queue. */
    private int pullBatchSize = 10;

    /** Where a queue without a committed offset starts. */
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;

    /** How long receive(...) waits when no timeout is given. */
    private Duration pollTimeout = Duration.ofSeconds(5);

    /** Connection of the pull consumer (mq.connections.<name>); unset for the default one. */
    private String connection;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public SelectorType getSelectorType() {
        return selectorType;
    }

    public void setSelectorType(SelectorType selectorType) {
        this.selectorType = selectorType;
    }

    public String getSelectorExpression() {
        return selectorExpression;
    }

    public void setSelectorExpression(String selectorExpression) {
        this.selectorExpression = selectorExpression;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }
}
