package io.nimbusmq.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test's Spring context against an embedded broker: one broker per distinct broker configuration
 * ({@link #manualClock()}, {@link #delayLevels()}, the transaction check-back settings) per test JVM (port 0,
 * temporary store, stopped when the JVM exits), shared by every context that asks for that configuration, its address
 * published as {@code mq.name-server}. The broker is a bean ({@link io.nimbusmq.broker.EmbeddedBroker}).
 *
 * <pre>{@code
 * @SpringBootTest
 * @EmbeddedMq(topics = {"orders", "payments:8"}, delayLevels = "1s 1s 2s", transactionCheckIntervalMillis = 500)
 * class OrderFlowTests {
 *     @Autowired MqTemplate template;
 * }
 * }</pre>
 *
 * <p>With {@link #manualClock()}, the context gets a broker of its own kind whose time only moves when the test says
 * so: the {@link io.nimbusmq.broker.time.ManualClock} is a bean to inject, and {@code clock.advance(...)} delivers
 * delayed messages without waiting. Contexts cached by the Spring TestContext framework keep consuming while other
 * test classes run: give each test class its own topics or consumer groups.
 *
 * <p>Without Spring, the {@link EmbeddedMqExtension} creates the topics and injects the broker as a parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedMqExtension.class)
public @interface EmbeddedMq {

    /**
     * Topics to create before the context starts: {@code "name"} (4 queues, unless it exists) or
     * {@code "name:queues"} (created, or changed, with that many read and write queues). Others are created by their
     * first send. {@code ${...}} placeholders resolve.
     */
    String[] topics() default {};

    /** Use a broker whose clock is a {@link io.nimbusmq.broker.time.ManualClock}, exposed as a bean. */
    boolean manualClock() default false;

    /**
     * The broker's delay levels, e.g. {@code "1s 1s 2s"} so that retries (level 3 and up) come back within
     * seconds; empty for RocketMQ's {@code 1s 5s 10s 30s 1m ...}.
     */
    String delayLevels() default "";

    /** How often the broker checks open transactions back, in milliseconds; -1 for 30 s. */
    long transactionCheckIntervalMillis() default -1;

    /** How old an open transaction must be before it is checked back, in milliseconds; -1 for 6 s. */
    long transactionTimeoutMillis() default -1;

    /** How many check-backs before a transaction is given up; -1 for 15. */
    int transactionCheckMax() default -1;

    /**
     * A {@code plain_acl.yml} (a file path, or {@code classpath:...}) turning the broker's access control on, so that
     * a test runs with the production credentials and permissions (set {@code mq.access-key} and
     * {@code mq.secret-key}); empty (the default) for none.
     */
    String aclFile() default "";

    /** The property that receives the broker address. */
    String nameServerProperty() default "mq.name-server";
}
