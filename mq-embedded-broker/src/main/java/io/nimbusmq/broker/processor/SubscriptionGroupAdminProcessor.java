package io.nimbusmq.broker.processor;

import java.util.List;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.subscription.SubscriptionGroupTable;
import io.nimbusmq.message.TopicValidator;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.admin.SubscriptionGroupConfig;
import io.nimbusmq.remoting.protocol.body.admin.SubscriptionGroupList;
import io.nimbusmq.remoting.protocol.header.DeleteSubscriptionGroupRequestHeader;
import io.nimbusmq.remoting.protocol.header.GetSubscriptionGroupConfigRequestHeader;

/**
 * Consumer-group administration, as RocketMQ's {@code AdminBrokerProcessor} answers it:
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200, {@code mqadmin updateSubGroup}), UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST
 * (225), GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201, {@code getConsumerConfig} and the dashboard's consumer list),
 * DELETE_SUBSCRIPTIONGROUP (207, {@code deleteSubGroup}, optionally with the group's offsets) and
 * GET_SUBSCRIPTIONGROUP_CONFIG (352).
 */
public final class SubscriptionGroupAdminProcessor implements RequestProcessor {

    private final SubscriptionGroupTable groups;
    private final ConsumerOffsetTable offsets;

    public SubscriptionGroupAdminProcessor(SubscriptionGroupTable groups, ConsumerOffsetTable offsets) {
        this.groups = groups;
        this.offsets = offsets;
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
            RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
            RequestCode.DELETE_SUBSCRIPTIONGROUP, RequestCode.GET_SUBSCRIPTIONGROUP_CONFIG};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP -> createOrUpdate(request,
                    List.of(RemotingJson.decode(request.body(), SubscriptionGroupConfig.class)));
            case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST -> createOrUpdate(request,
                    RemotingJson.decode(request.body(), SubscriptionGroupList.class).groupConfigList());
            case RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG -> success(request)
                    .setBody(RemotingJson.encode(groups.snapshot()));
            case RequestCode.DELETE_SUBSCRIPTIONGROUP -> delete(request);
            default -> one(request);
        };
    }

    private RemotingCommand createOrUpdate(RemotingCommand request, List<SubscriptionGroupConfig> configs) {
        for (SubscriptionGroupConfig config : configs) {
            String problem = config.groupName() == null ? "the group name is missing"
                    : TopicValidator.validate(config.groupName());
            if (problem != null) {
                return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                        "invalid subscription group: " + problem);
            }
        }
        configs.forEach(groups::createOrUpdate);
        return success(request);
    }

    private RemotingCommand delete(RemotingCommand request) {
        DeleteSubscriptionGroupRequestHeader header = DeleteSubscriptionGroupRequestHeader.readFrom(request);
        groups.delete(header.groupName());
        if (header.cleanOffset()) {
            offsets.removeGroup(header.groupName());
        }
        return success(request);
    }

    private RemotingCommand one(RemotingCommand request) {
        String group = GetSubscriptionGroupConfigRequestHeader.readFrom(request).group();
        return groups.find(group)
                .map(config -> success(request).setBody(RemotingJson.encode(config)))
                .orElseGet(() -> RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                        "No group in this broker"));
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
