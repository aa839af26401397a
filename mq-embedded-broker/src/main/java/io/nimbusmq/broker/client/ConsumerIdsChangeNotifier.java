package io.nimbusmq.broker.client;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.header.ConsumerGroupRequestHeader;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends NOTIFY_CONSUMER_IDS_CHANGED (40), oneway with ext {@code consumerGroup}, to every member of a group whose
 * membership changed, so that each rebalances at once instead of within 20 s (remoting-protocol.md §4.4).
 *
 * <p>The sender is typically {@code NettyRemotingServer::invokeOneway}, which writes without blocking. Each channel
 * gets its own command (its own opaque); inactive channels are skipped, and a failure on one channel does not stop
 * the others.
 */
public final class ConsumerIdsChangeNotifier implements ConsumerIdsChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerIdsChangeNotifier.class);

    private final BiConsumer<Channel, RemotingCommand> onewaySender;

    /** @param onewaySender sends a oneway request on a channel, e.g. {@code server::invokeOneway} */
    public ConsumerIdsChangeNotifier(BiConsumer<Channel, RemotingCommand> onewaySender) {
        this.onewaySender = Objects.requireNonNull(onewaySender, "onewaySender");
    }

    @Override
    public void onConsumerIdsChanged(String group, List<Channel> channels) {
        for (Channel channel : channels) {
            if (!channel.isActive()) {
                continue;
            }
            try {
                onewaySender.accept(channel, notification(group));
            } catch (RuntimeException e) {
                log.warn("Could not notify {} that consumer group {} changed: {}", channel.remoteAddress(), group,
                        e.toString());
            }
        }
    }

    /** A fresh NOTIFY_CONSUMER_IDS_CHANGED request for {@code group}. */
    static RemotingCommand notification(String group) {
        return RemotingCommand.createOnewayRequest(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                new ConsumerGroupRequestHeader(group));
    }
}
