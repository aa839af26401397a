package io.nimbusmq.remoting.protocol.body.admin;

import java.util.List;

/**
 * The body of UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST (225, {@code mqadmin updateSubGroupList}), RocketMQ's
 * {@code SubscriptionGroupList}: {@code {"groupConfigList":[{…},{…}]}}.
 */
public record SubscriptionGroupList(List<SubscriptionGroupConfig> groupConfigList) {

    public SubscriptionGroupList {
        groupConfigList = groupConfigList == null ? List.of() : List.copyOf(groupConfigList);
    }
}
