package io.nimbusmq.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test's Spring context against an embedded broker: one broker per test JVM (port 0, temporary store,
 * stopped when the JVM exits), shared by every context that asks for it, its address published as
 * {@code mq.name-server}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EmbeddedMq(topics = "orders")
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

    /** Topics to create before the context starts (4 queues each); others are created by their first send. */
    String[] topics() default {};

    /** Use the broker whose clock is a {@link io.nimbusmq.broker.time.ManualClock}, exposed as a bean. */
    boolean manualClock() default false;

    /** The property that receives the broker address. */
    String nameServerProperty() default "mq.name-server";
}
