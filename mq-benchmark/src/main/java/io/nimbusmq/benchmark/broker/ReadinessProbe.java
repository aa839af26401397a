package io.nimbusmq.benchmark.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Decides when a broker is ready, the same way for both: a client can send successfully. Started before the broker is
 * launched (its classes loaded, its clients up), it polls every 10 ms: until the name server and broker ports accept
 * TCP connections (plain sockets, so that the client never meets a refused connection and its back-off); until the
 * name server lists the broker (as an operator would wait before creating topics: Apache's name server refuses the
 * route of a topic created before the broker's own first registration, which then only arrives with the next
 * periodic one, 10 s later); then it creates the run's topics through the admin API (idempotent, {@code queues} read
 * and write queues each, no auto-creation) and sends one message to {@value #PROBE_TOPIC}. The first successful send
 * ends the start-up time. Runs in the coordinator JVM, on the official client.
 */
public final class ReadinessProbe implements AutoCloseable {

    public static final String PROBE_TOPIC = "bench_probe";
    private static final int RPC_TIMEOUT_MILLIS = 1_000;
    private static int instances;

    private final BrokerLaunch launch;
    private final List<String> topics;
    private final int queues;
    private final DefaultMQAdminExt admin;
    private final DefaultMQProducer producer;

    private ReadinessProbe(BrokerLaunch launch, List<String> topics, int queues) throws Exception {
        this.launch = launch;
        this.topics = new ArrayList<>(topics);
        this.topics.add(0, PROBE_TOPIC);
        this.queues = queues;
        String instance = "bench-probe-" + ProcessHandle.current().pid() + "-" + nextInstance();
        admin = new DefaultMQAdminExt(RPC_TIMEOUT_MILLIS);
        admin.setNamesrvAddr(launch.namesrvAddr());
        admin.setInstanceName(instance + "-admin");
        admin.setAdminExtGroup("bench_probe_admin");
        admin.start();
        producer = new DefaultMQProducer("bench_probe_producer");
        producer.setNamesrvAddr(launch.namesrvAddr());
        producer.setInstanceName(instance + "-producer");
        producer.setSendMsgTimeout(RPC_TIMEOUT_MILLIS);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
    }

    private static synchronized int nextInstance() {
        return ++instances;
    }

    /** A probe for {@code launch}, ready to poll; call before starting the broker. */
    public static ReadinessProbe prepare(BrokerLaunch launch, List<String> topics, int queues) throws Exception {
        return new ReadinessProbe(launch, topics, queues);
    }

    /**
     * Polls until the ports accept connections, the topics exist and a send succeeded.
     *
     * @throws IllegalStateException if the broker exits or is not ready within {@code timeout}
     */
    public Readiness awaitReady(BrokerProcess broker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int created = 0;
        long portsOpen = 0;
        long registered = 0;
        long topicsCreated = 0;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException(launch.kind().id() + " broker exited during start-up; see "
                        + broker.log());
            }
            if (portsOpen == 0) {
                if (!accepts(launch.namesrvAddr()) || !accepts(launch.brokerAddr())) {
                    Thread.sleep(10);
                    continue;
                }
                portsOpen = System.nanoTime();
            }
            if (registered == 0) {
                if (!registered()) {
                    Thread.sleep(10);
                    continue;
                }
                registered = System.nanoTime();
            }
            try {
                while (created < topics.size()) {
                    admin.createAndUpdateTopicConfig(launch.brokerAddr(), new TopicConfig(topics.get(created), queues,
                            queues, PermName.PERM_READ | PermName.PERM_WRITE));
                    created++;
                    topicsCreated = created == topics.size() ? System.nanoTime() : 0;
                }
                if (producer.send(new Message(PROBE_TOPIC, "ready?".getBytes())).getSendStatus() == SendStatus.SEND_OK) {
                    return new Readiness(portsOpen, registered, topicsCreated, System.nanoTime());
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(launch.kind().id() + " broker not ready within " + timeout + "; last error: "
                + last);
    }

    /** True if {@code host:port} accepts a TCP connection now. */
    private static boolean accepts(String address) {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True once the name server lists a broker at this launch's broker address. */
    private boolean registered() {
        try {
            ClusterInfo cluster = admin.examineBrokerClusterInfo();
            return cluster.getBrokerAddrTable().values().stream()
                    .anyMatch(broker -> broker.getBrokerAddrs().containsValue(launch.brokerAddr()));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * When (System.nanoTime) the ports accepted connections, the name server listed the broker, the topics existed, and
     * the first send succeeded.
     */
    public record Readiness(long portsOpenNanos, long registeredNanos, long topicsCreatedNanos, long sentNanos) {
    }

    /** Waits until the name server routes every topic with all its queues (not part of the start-up time). */
    public void awaitRoutes(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String topic : topics) {
            while (true) {
                try {
                    TopicRouteData route = admin.examineTopicRouteInfo(topic);
                    if (route.getQueueDatas().stream().mapToInt(q -> q.getReadQueueNums()).sum() == queues) {
                        break;
                    }
                } catch (Exception e) {
                    // not routed yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no route for " + topic + " within " + timeout);
                }
                Thread.sleep(20);
            }
        }
    }

    /** Shuts the clients down in the background (the official client's shutdown may idle for up to 3 s). */
    @Override
    public void close() {
        Thread closer = new Thread(() -> {
            producer.shutdown();
            admin.shutdown();
        }, "bench-probe-close");
        closer.setDaemon(true);
        closer.start();
    }
}
