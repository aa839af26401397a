package io.nimbusmq.smoke;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;

/**
 * A production application built with {@code mq-spring-boot-starter} alone: it sends {@link #MESSAGES} messages to
 * its broker ({@code --mq.name-server=...}), waits for its own listener to receive them, checks that no broker,
 * name-server or store class is loadable, and prints one line the smoke tests read:
 *
 * <pre>SMOKE received=10/10 firstMessageMillis=1234 startedMillis=987 brokerClassesLoadable=[]</pre>
 *
 * {@code firstMessageMillis} counts from the JVM's start to the first message received by the listener;
 * {@code startedMillis} from the JVM's start to the application context being ready. Exits 0 when every message
 * arrived within {@code --smoke.patience} (default 60 s) and no broker class was loadable, else 1.
 */
@SpringBootApplication
public class StarterOnlyApplication {

    static final int MESSAGES = 10;
    static final String TOPIC = "smoke-orders";
    static final List<String> BROKER_SIDE_CLASSES = List.of("io.nimbusmq.broker.EmbeddedBroker",
            "io.nimbusmq.namesrv.RouteInfoManager", "io.nimbusmq.store.DefaultMessageStore");

    private static final CountDownLatch RECEIVED = new CountDownLatch(MESSAGES);
    private static volatile long firstMessageMillis = -1;

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(StarterOnlyApplication.class, args);
        long startedMillis = sinceJvmStart();
        Duration patience = context.getEnvironment().getProperty("smoke.patience", Duration.class,
                Duration.ofSeconds(60));
        MqTemplate template = context.getBean(MqTemplate.class);
        for (int i = 0; i < MESSAGES; i++) {
            template.syncSend(TOPIC, "order-" + i);
        }
        boolean all = RECEIVED.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        List<String> loadable = BROKER_SIDE_CLASSES.stream().filter(StarterOnlyApplication::loadable).toList();
        System.out.println("SMOKE received=" + (MESSAGES - RECEIVED.getCount()) + "/" + MESSAGES
                + " firstMessageMillis=" + firstMessageMillis + " startedMillis=" + startedMillis
                + " brokerClassesLoadable=" + loadable);
        context.close();
        System.exit(all && loadable.isEmpty() ? 0 : 1);
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, StarterOnlyApplication.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Component
    static class OrderListener {

        @MessageListener(topic = TOPIC, consumerGroup = "smoke-orders-group")
        void on(String order) {
            if (firstMessageMillis < 0) {
                firstMessageMillis = sinceJvmStart();
            }
            RECEIVED.countDown();
        }
    }
}
