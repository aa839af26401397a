/**
 * A payments service written for rocketmq-spring and ported to this starter, class by class; each class says what it
 * replaces. (Outside {@code io.nimbusmq.samples}, which the demo application scans.) The rocketmq-spring original, for comparison:
 *
 * <pre>{@code
 * // application.yml
 * rocketmq:
 *   name-server: 127.0.0.1:9876
 *   producer:
 *     group: payments
 *     send-message-timeout: 5000
 *
 * @Service
 * public class PaymentPublisher {
 *     @Autowired RocketMQTemplate rocketMQTemplate;
 *     public void capture(Payment p) { rocketMQTemplate.syncSend("payments:captured", p); }
 *     public void refund(Payment p)  { rocketMQTemplate.syncSendOrderly("payments:refunded", p, p.id()); }
 *     public void remind(Payment p)  { rocketMQTemplate.syncSendDelayTimeSeconds("payment-reminders", p, 2); }
 *     public String riskCheck(Payment p) {
 *         return rocketMQTemplate.sendAndReceive("risk-checks", p, String.class, 30_000);
 *     }
 * }
 *
 * @Service
 * @RocketMQMessageListener(topic = "${payments.topic:payments}", consumerGroup = "payments-settlement",
 *         selectorExpression = "captured || refunded", consumeThreadNumber = 4, maxReconsumeTimes = 3,
 *         delayLevelWhenNextConsume = 2, consumeTimeout = 1)
 * public class SettlementListener implements RocketMQListener<Payment>, RocketMQPushConsumerLifecycleListener {
 *     public void onMessage(Payment p) { ledger.settle(p); }
 *     public void prepareStart(DefaultMQPushConsumer consumer) { consumer.setPullInterval(100); }
 * }
 *
 * @Service
 * @RocketMQMessageListener(topic = "risk-checks", consumerGroup = "payments-risk")
 * public class RiskCheckListener implements RocketMQReplyListener<Payment, String> {
 *     public String onMessage(Payment p) { return p.amount().compareTo(LIMIT) > 0 ? "review" : "approved"; }
 * }
 *
 * @Service
 * @RocketMQMessageListener(topic = "payment-reminders", consumerGroup = "payments-reminders")
 * public class ReminderListener implements RocketMQListener<Payment> { ... }
 * }</pre>
 *
 * See {@code docs/migrating-from-rocketmq-spring.md} for every property, attribute and template method.
 */
package io.nimbusmq.payments;
