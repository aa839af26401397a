package io.nimbusmq.testkit;

import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/** Settings every test applies to an official RocketMQ client it builds. */
public final class OfficialClients {

    /** Each name-server or admin call of an official client, instead of its 3 s default. */
    public static final int API_TIMEOUT_MILLIS = 30_000;
    /** Each send of an official producer, instead of its 3 s default. */
    public static final int SEND_TIMEOUT_MILLIS = 15_000;

    private OfficialClients() {
    }

    /**
     * The official client's budgets from the tests' patience rather than its defaults (3 s for a send and for each
     * name-server or admin call): on a machine whose cores are busy with other work a call may be slow, not wrong.
     *
     * @return {@code client}, for chaining
     */
    public static <C extends ClientConfig> C patient(C client) {
        client.setMqClientApiTimeout(API_TIMEOUT_MILLIS);
        if (client instanceof DefaultMQProducer producer) {
            producer.setSendMsgTimeout(SEND_TIMEOUT_MILLIS);
        }
        return client;
    }
}
