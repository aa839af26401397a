package io.nimbusmq.broker.longpolling;

import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.store.dispatch.CommitLogDispatcher;
import io.nimbusmq.store.dispatch.DispatchRequest;

/** Tells the long-polling service about every message that became readable. */
public final class MessageArrivalDispatcher implements CommitLogDispatcher {

    private final PullRequestHoldService holdService;

    public MessageArrivalDispatcher(PullRequestHoldService holdService) {
        this.holdService = holdService;
    }

    @Override
    public void dispatch(DispatchRequest request) {
        if (MessageSysFlag.isConsumable(request.sysFlag())) {
            holdService.notifyMessageArrived(request.topic(), request.queueId(), request.queueOffset() + 1);
        }
    }
}
