package io.nimbusmq.remoting.protocol.body.client;

/**
 * The CHECK_CLIENT_CONFIG (46) body, sent by a consumer at start for each non-TAG subscription:
 * {@code {"clientId":"…","group":"cg","subscriptionData":{…}}}. RocketMQ calls it {@code CheckClientRequestBody}.
 */
public record CheckClientConfigBody(String clientId, String group, SubscriptionData subscriptionData) {
}
