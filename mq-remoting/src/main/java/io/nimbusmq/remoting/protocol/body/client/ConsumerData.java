package io.nimbusmq.remoting.protocol.body.client;

import java.util.Set;

/**
 * One consumer group of a client, as reported in each heartbeat (remoting-protocol.md §6).
 *
 * @param subscriptionDataSet the group's subscriptions, one per topic ({@code %RETRY%<group>} included for
 *     clustering push consumers); empty when the heartbeat is sent {@code withoutSub}
 * @param unitMode RocketMQ's unit (cell) mode; rarely true
 */
public record ConsumerData(String groupName, ConsumeType consumeType, MessageModel messageModel,
        ConsumeFromWhere consumeFromWhere, Set<SubscriptionData> subscriptionDataSet, boolean unitMode) {

    public ConsumerData {
        subscriptionDataSet = BodyCollections.copyOfSet(subscriptionDataSet);
    }
}
