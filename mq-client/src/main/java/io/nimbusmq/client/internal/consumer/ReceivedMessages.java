package io.nimbusmq.client.internal.consumer;

import io.nimbusmq.client.ReceivedMessage;

/** Copies of received messages with a changed field (the record is immutable). */
final class ReceivedMessages {

    private ReceivedMessages() {
    }

    static ReceivedMessage withReconsumeTimes(ReceivedMessage m, int reconsumeTimes) {
        return new ReceivedMessage(m.topic(), m.brokerName(), m.queueId(), m.queueOffset(), m.commitLogOffset(),
                m.msgId(), m.offsetMsgId(), m.flag(), m.sysFlag(), reconsumeTimes, m.bornTimestamp(), m.bornHost(),
                m.storeTimestamp(), m.storeHost(), m.properties(), m.body());
    }
}
