package io.nimbusmq.broker.processor;

import io.nimbusmq.broker.filter.SubscriptionFilters;
import io.nimbusmq.broker.subscription.SubscriptionGroupTable;

/**
 * What a pull checks about its consumer group, in this order: the group's configuration (it must exist, or be
 * auto-created, and be allowed to consume), its subscription (registered by heartbeat, unless the pull carries its
 * own) and the filter compiled from that subscription.
 */
public record ConsumerChecks(SubscriptionGroupTable groups, SubscriptionLookup subscriptions,
        SubscriptionFilters filters) {
}
