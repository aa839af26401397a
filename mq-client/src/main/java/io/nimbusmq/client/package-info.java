/**
 * Nimbus MQ's own client for RocketMQ's remoting protocol (no rocketmq-client dependency): works against a Nimbus
 * broker and against Apache RocketMQ 5.x.
 *
 * <p>One {@link io.nimbusmq.client.MqClient} per application holds the name-server list, the route cache, one
 * connection per broker and the heartbeats; producers and push consumers are created from it.
 */
package io.nimbusmq.client;
