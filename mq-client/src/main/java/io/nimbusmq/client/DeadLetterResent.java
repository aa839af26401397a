package io.nimbusmq.client;

/**
 * A dead letter stored again in its original topic by {@link MqClient#resendDeadLetter}.
 *
 * @param brokerAddress the broker that held it and stored it again
 * @param offsetMsgId the new copy's offsetMsgId (its UNIQ_KEY stays the one consumers saw)
 * @param topic the original topic
 */
public record DeadLetterResent(String brokerAddress, String offsetMsgId, String topic, int queueId,
        long queueOffset) {
}
