package io.nimbusmq.broker.processor;

import io.nimbusmq.broker.retry.RetryTopics;
import io.nimbusmq.broker.schedule.ScheduleRewriter;

/**
 * What a send may become before it is stored: a retry past its reconsume times becomes a dead letter
 * ({@link RetryTopics}), a delayed or timer message its waiting copy ({@link ScheduleRewriter}).
 */
public record SendRewrites(ScheduleRewriter schedule, RetryTopics retries) {
}
