package io.nimbusmq.remoting.protocol.body.client;

import java.util.Set;

/**
 * The HEART_BEAT (34) body (remoting-protocol.md §4.4, §6): who the client is and which producer and consumer
 * groups it runs. The JSON property is {@code clientID}, with capital {@code ID}:
 * <pre>
 * {"clientID":"192.0.2.2@14558#558117500706","consumerDataSet":[…],"heartbeatFingerprint":0,
 *  "producerDataSet":[{"groupName":"CLIENT_INNER_PRODUCER"},{"groupName":"pg"}],"withoutSub":false}
 * </pre>
 *
 * @param clientID {@code clientIP@instanceName[@unitName][@STREAM]} (§8.2)
 * @param heartbeatFingerprint heartbeat v2: a hash of the subscriptions, 0 otherwise
 * @param withoutSub heartbeat v2: the consumer data leave out their subscriptions, which must be kept as they are
 */
public record HeartbeatData(String clientID, Set<ConsumerData> consumerDataSet, Set<ProducerData> producerDataSet,
        int heartbeatFingerprint, boolean withoutSub) {

    public HeartbeatData {
        consumerDataSet = BodyCollections.copyOfSet(consumerDataSet);
        producerDataSet = BodyCollections.copyOfSet(producerDataSet);
    }
}
