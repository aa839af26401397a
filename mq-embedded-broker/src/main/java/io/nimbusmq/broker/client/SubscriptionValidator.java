package io.nimbusmq.broker.client;

import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;

/**
 * Decides whether the broker accepts a non-TAG subscription (SQL92), for CHECK_CLIENT_CONFIG (46) and later for pulls
 * (remoting-protocol.md §4.4). TAG subscriptions are always accepted and never reach a validator.
 *
 * <p>The default, {@link #PROPERTY_FILTER_DISABLED}, refuses them as RocketMQ does with {@code enablePropertyFilter}
 * off. A broker with SQL92 support plugs in a validator that compiles the expression and answers
 * {@link Verdict#reject(int, String) reject}{@code (SUBSCRIPTION_PARSE_FAILED, message)} when it does not compile.
 */
@FunctionalInterface
public interface SubscriptionValidator {

    /** Refuses every non-TAG subscription with SYSTEM_ERROR, as a broker without the property filter does. */
    SubscriptionValidator PROPERTY_FILTER_DISABLED = subscription -> Verdict.reject(ResponseCode.SYSTEM_ERROR,
            "The broker does not support consumer to filter message by " + subscription.expressionType());

    /** @param subscription a subscription whose expression type is not TAG */
    Verdict validate(SubscriptionData subscription);

    /**
     * The answer to send: SUCCESS, or an error code with its remark.
     *
     * @param responseCode a {@link ResponseCode}
     * @param remark the error text, {@code null} when accepted
     */
    record Verdict(int responseCode, String remark) {

        private static final Verdict ACCEPTED = new Verdict(ResponseCode.SUCCESS, null);

        public static Verdict accept() {
            return ACCEPTED;
        }

        public static Verdict reject(int responseCode, String remark) {
            if (responseCode == ResponseCode.SUCCESS) {
                throw new IllegalArgumentException("a rejection needs an error code");
            }
            return new Verdict(responseCode, remark);
        }

        public boolean accepted() {
            return responseCode == ResponseCode.SUCCESS;
        }
    }
}
