package io.nimbusmq.broker.client;

import io.netty.channel.Channel;
import java.util.List;

/**
 * Told by {@link ConsumerManager} when the members of a clustering consumer group change: a new channel registered,
 * or one unregistered, closed or expired. The broker's implementation is {@link ConsumerIdsChangeNotifier}, which
 * asks every remaining member to rebalance.
 *
 * <p>Called on whichever thread made the change (a processor executor, a Netty I/O thread when a channel closes, the
 * housekeeping thread), after the change is visible: implementations must not block.
 */
@FunctionalInterface
public interface ConsumerIdsChangeListener {

    /** Does nothing. */
    ConsumerIdsChangeListener NONE = (group, channels) -> {
    };

    /**
     * @param group the consumer group
     * @param channels the group's channels after the change; empty when its last member left
     */
    void onConsumerIdsChanged(String group, List<Channel> channels);
}
