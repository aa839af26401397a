package io.nimbusmq.broker.processor;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import io.nimbusmq.broker.retry.RetryMessages;
import io.nimbusmq.broker.retry.RetryTopics;
import io.nimbusmq.broker.schedule.ScheduleRewriter;
import io.nimbusmq.broker.stats.BrokerStats;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.message.TopicValidator;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.PutMessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONSUMER_SEND_MSG_BACK (36): a push consumer failed a message. The message is read by its commit log offset and
 * stored again, as RocketMQ does, either in {@code %RETRY%<group>} delayed by the requested level (or
 * {@code 3 + reconsumeTimes} when that is 0), or, once its reconsume times reach the consumer's
 * {@code maxReconsumeTimes} (the group's {@code retryMaxTimes} if absent) or when the level is negative, in {@code %DLQ%<group>}. Both topics are
 * created on demand with one read-write queue ({@link RetryTopics}, shared with the send path's retry sends). See
 * {@link RetryMessages} for the copy.
 */
public final class ConsumerSendMsgBackProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(ConsumerSendMsgBackProcessor.class);

    private final MessageStore store;
    private final RetryTopics retryTopics;
    private final ScheduleRewriter scheduler;
    private final Supplier<InetSocketAddress> storeHost;
    private final BrokerStats stats;

    public ConsumerSendMsgBackProcessor(MessageStore store, RetryTopics retryTopics, ScheduleRewriter scheduler,
            Supplier<InetSocketAddress> storeHost, BrokerStats stats) {
        this.store = store;
        this.retryTopics = retryTopics;
        this.scheduler = scheduler;
        this.storeHost = storeHost;
        this.stats = stats;
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        ConsumerSendMsgBackRequestHeader header = ConsumerSendMsgBackRequestHeader.readFrom(request);
        long offset = header.offset();
        String group = header.group();
        int delayLevel = header.delayLevel();
        int maxReconsumeTimes = retryTopics.maxReconsumeTimes(group, header.maxReconsumeTimes());
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, null);
        String problem = TopicValidator.validate(SystemTopics.retryTopic(group));
        if (problem != null) {
            return response.setRemark(problem);
        }
        StoredMessage failed = store.lookMessage(offset);
        if (failed == null) {
            return response.setRemark("look message by offset failed, " + offset);
        }
        boolean deadLetter = RetryMessages.isDeadLetter(failed.reconsumeTimes(), maxReconsumeTimes, delayLevel);
        RetryTopics.Target target = retryTopics.target(deadLetter ? SystemTopics.dlqTopic(group)
                : SystemTopics.retryTopic(group));
        if (target.refused()) {
            return response.setCode(ResponseCode.NO_PERMISSION).setRemark(target.refusal());
        }
        MessageInput copy = RetryMessages.sendBackCopy(failed, target.topic(), target.queueId(), deadLetter,
                delayLevel, storeHost.get());
        ScheduleRewriter.Decision scheduled = scheduler.rewrite(copy);
        if (scheduled.refused()) {
            return response.setCode(scheduled.errorCode()).setRemark(scheduled.remark());
        }
        if (deadLetter) {
            log.info("Dead letter: group {} message {} from {} after {} reconsumes", group,
                    failed.property(MessageConst.UNIQ_KEY), header.originTopic(), failed.reconsumeTimes());
        }
        store.putMessage(scheduled.message()).whenComplete((result, error) -> {
            if (error == null && (result.isOk() || result.status() == PutMessageStatus.FLUSH_DISK_TIMEOUT)) {
                response.setCode(ResponseCode.SUCCESS);
                stats.onSendBack(group, failed.topic());
                if (deadLetter) {
                    stats.onDeadLetter(group);
                }
            } else {
                response.setRemark(error != null ? String.valueOf(error) : result.status().name());
            }
            context.writeResponse(response);
        });
        return null;
    }
}
