package io.nimbusmq.broker.processor;

import io.netty.channel.Channel;
import io.nimbusmq.broker.client.ClientChannelInfo;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.client.ProducerManager;
import io.nimbusmq.broker.client.SubscriptionValidator;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.message.TopicValidator;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.CheckClientConfigBody;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.ConsumerListBody;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.ProducerData;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.nimbusmq.remoting.protocol.header.HeartbeatResponseHeader;
import io.nimbusmq.remoting.protocol.header.UnregisterClientRequestHeader;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Client management (remoting-protocol.md §4.4): HEART_BEAT (34), UNREGISTER_CLIENT (35),
 * GET_CONSUMER_LIST_BY_GROUP (38) and CHECK_CLIENT_CONFIG (46).
 *
 * <p>A heartbeat whose body cannot be read is the dispatcher's to answer ({@link
 * io.nimbusmq.remoting.protocol.body.InvalidBodyException}: SYSTEM_ERROR, one log line); one that names a consumer
 * group whose retry topic would be an illegal topic name registers nothing and gets SYSTEM_ERROR.
 *
 * <p>A heartbeat registers each consumer group of the body with the {@link ConsumerManager} (which notifies the
 * group when its membership changes) after asking the group creator for the group's subscription group and
 * {@code %RETRY%<group>} topic, and each producer group with the {@link ProducerManager}. The answer carries the
 * broker version, which clients check before SQL92 pulls, and asks v2 clients to keep sending full bodies.
 *
 * <p>Register it for {@link #requestCodes()}.
 */
public final class ClientManageProcessor implements RequestProcessor {

    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final Consumer<String> consumerGroupCreator;
    private final SubscriptionValidator subscriptionValidator;
    private final Clock clock;

    /**
     * @param consumerGroupCreator called on every heartbeat, for each of its consumer groups, with the group's
     *     name: creates the group's subscription group (if auto-creation allows) and its retry topic
     *     ({@code %RETRY%<group>}, 1 queue, perm 6) if they do not exist yet; must be idempotent and quick when they
     *     exist
     * @param subscriptionValidator judges non-TAG subscriptions in CHECK_CLIENT_CONFIG, e.g.
     *     {@link SubscriptionValidator#PROPERTY_FILTER_DISABLED}
     * @param clock stamps heartbeats, for expiry
     */
    public ClientManageProcessor(ConsumerManager consumers, ProducerManager producers,
                                 Consumer<String> consumerGroupCreator,
                                 SubscriptionValidator subscriptionValidator, Clock clock) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.producers = Objects.requireNonNull(producers, "producers");
        this.consumerGroupCreator = Objects.requireNonNull(consumerGroupCreator, "consumerGroupCreator");
        this.subscriptionValidator = Objects.requireNonNull(subscriptionValidator, "subscriptionValidator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.HEART_BEAT -> heartbeat(context.channel(), request);
            case RequestCode.UNREGISTER_CLIENT -> unregisterClient(context.channel(), request);
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> consumerList(request);
            case RequestCode.CHECK_CLIENT_CONFIG -> checkClientConfig(request);
            default -> RemotingCommand.createResponse(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.code() + " not supported");
        };
    }

    /** The codes this processor answers: 34, 35, 38 and 46. */
    public static int[] requestCodes() {
        return new int[] {RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT,
            RequestCode.GET_CONSUMER_LIST_BY_GROUP, RequestCode.CHECK_CLIENT_CONFIG};
    }

    private RemotingCommand heartbeat(Channel channel, RemotingCommand request) {
        HeartbeatData heartbeat = RemotingJson.decode(request.body(), HeartbeatData.class);
        if (heartbeat.clientID() == null || heartbeat.clientID().isEmpty()) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, "heartbeat without clientID");
        }
        for (ConsumerData consumer : heartbeat.consumerDataSet()) {
            String problem = consumer.groupName() == null ? null
                    : TopicValidator.validate(SystemTopics.retryTopic(consumer.groupName()));
            if (problem != null) {
                return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                        "heartbeat names an illegal consumer group: " + problem);
            }
        }
        ClientChannelInfo client = new ClientChannelInfo(channel, heartbeat.clientID(), request.language(),
                request.version(), clock.millis());
        for (ConsumerData consumer : heartbeat.consumerDataSet()) {
            if (consumer.groupName() == null) {
                continue;
            }
            consumerGroupCreator.accept(consumer.groupName());
            consumers.register(consumer.groupName(), client, consumer.consumeType(), consumer.messageModel(),
                    consumer.consumeFromWhere(), heartbeat.withoutSub() ? null : consumer.subscriptionDataSet());
        }
        for (ProducerData producer : heartbeat.producerDataSet()) {
            if (producer.groupName() != null) {
                producers.register(producer.groupName(), client);
            }
        }
        // IS_SUB_CHANGE always true, so that v2 clients keep sending their subscriptions
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .setVersion(RemotingVersion.CURRENT)
                .writeHeader(new HeartbeatResponseHeader(true, true));
    }

    private RemotingCommand unregisterClient(Channel channel, RemotingCommand request) {
        UnregisterClientRequestHeader header = UnregisterClientRequestHeader.readFrom(request);
        if (header.producerGroup() != null) {
            producers.unregister(header.producerGroup(), channel);
        }
        if (header.consumerGroup() != null) {
            consumers.unregister(header.consumerGroup(), channel);
        }
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    private RemotingCommand consumerList(RemotingCommand request) {
        String group = ConsumerGroupRequestHeader.readFrom(request).consumerGroup();
        List<String> consumerIds = consumers.consumerIds(group);
        if (consumerIds.isEmpty()) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "no consumer for this group, " + group);
        }
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(new ConsumerListBody(consumerIds)));
    }

    private RemotingCommand checkClientConfig(RemotingCommand request) {
        CheckClientConfigBody body = RemotingJson.decode(request.body(), CheckClientConfigBody.class);
        SubscriptionData subscription = body.subscriptionData();
        if (subscription == null || subscription.tagExpression()) {
            return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
        }
        SubscriptionValidator.Verdict verdict = subscriptionValidator.validate(subscription);
        return RemotingCommand.createResponse(request, verdict.responseCode(), verdict.remark());
    }
}
