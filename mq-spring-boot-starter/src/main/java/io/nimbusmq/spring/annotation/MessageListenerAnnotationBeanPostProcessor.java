package io.nimbusmq.spring.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.spring.core.MqBatchListener;
import io.nimbusmq.spring.core.MqListener;
import io.nimbusmq.spring.core.MqReplyListener;
import io.nimbusmq.spring.listener.InvalidListenerSettingException;
import io.nimbusmq.spring.listener.MessageListenerContainerFactory;
import io.nimbusmq.spring.listener.MessageListenerEndpoint;
import io.nimbusmq.spring.listener.MessageListenerEndpointRegistrar;

/**
 * Finds {@link MessageListener} on bean methods and on listener classes, resolves its attributes (placeholders, SpEL,
 * numbers and durations: {@link ListenerAttributeResolver}), and registers one {@link MessageListenerEndpoint} per
 * annotation with the {@link MessageListenerEndpointRegistrar}, which applies {@code mq.listeners.<group>.*} and fails
 * on consumer group conflicts. Any failure here (a bad value, an unknown container factory) makes the context fail to
 * start.
 */
public class MessageListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    /** Default group prefix when {@code consumerGroup} is empty and no application name is set. */
    static final String DEFAULT_APPLICATION_NAME = "nimbus";

    private ConfigurableBeanFactory beanFactory;
    private MessageListenerEndpointRegistrar registrar;
    private ListenerAttributeResolver attributes;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        MessageListener onClass = AnnotatedElementUtils.findMergedAnnotation(targetClass, MessageListener.class);
        if (onClass != null) {
            Method method = listenerInterfaceMethod(targetClass).orElseThrow(() -> new IllegalStateException(
                    "@MessageListener on class " + targetClass.getName() + " (bean " + beanName + ") needs the class "
                            + "to implement MqListener, MqReplyListener or MqBatchListener, or annotate methods"));
            boolean batch = onClass.batch() || MqBatchListener.class.isAssignableFrom(targetClass);
            // a JDK proxy only has the interface method (the payload type then comes from its erasure)
            register(onClass, bean, beanName, method.getDeclaringClass().isInstance(bean) ? method
                    : AopUtils.selectInvocableMethod(method, bean.getClass()), batch);
        }
        Map<Method, MessageListener> methods = MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<MessageListener>) candidate ->
                        AnnotatedElementUtils.findMergedAnnotation(candidate, MessageListener.class));
        methods.forEach((method, annotation) -> register(annotation, bean, beanName,
                AopUtils.selectInvocableMethod(method, bean.getClass()), annotation.batch()));
        return bean;
    }

    private void register(MessageListener annotation, Object bean, String beanName, Method method, boolean batch) {
        ReflectionUtils.makeAccessible(method);
        ListenerAttributeResolver attributes = attributes();
        String id = attributes.text(annotation.id());
        id = id.isEmpty() ? beanName + "#" + method.getName() : id;
        List<Subscription> subscriptions = subscriptions(annotation, attributes, id);
        String group = attributes.text(annotation.consumerGroup());
        if (group.isBlank()) {
            group = attributes.text("${spring.application.name:" + DEFAULT_APPLICATION_NAME + "}") + "-"
                    + subscriptions.get(0).topic();
        }
        MessageListenerEndpoint endpoint = registrar().register(new MessageListenerEndpoint(id, subscriptions, group,
                annotation.messageModel(), annotation.consumeMode(), batch, attributes.settings(annotation, id), bean,
                method, attributes.text(annotation.errorHandler()),
                attributes.bool(annotation.autoStartup(), id, "autoStartup"),
                attributes.text(annotation.containerFactory())),
                ListenerConnectionAttributes.resolve(annotation, id, attributes::text));
        requireContainerFactory(endpoint);
    }

    private static List<Subscription> subscriptions(MessageListener annotation, ListenerAttributeResolver attributes,
            String id) {
        List<Subscription> subscriptions = new ArrayList<>();
        String topic = attributes.text(annotation.topic());
        if (!topic.isEmpty()) {
            subscriptions.add(new Subscription(topic, annotation.selectorType(),
                    attributes.text(annotation.selectorExpression())));
        }
        for (TopicSubscription each : annotation.subscriptions()) {
            subscriptions.add(new Subscription(attributes.text(each.topic()), each.selectorType(),
                    attributes.text(each.selectorExpression())));
        }
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException(id + ": @MessageListener needs a topic or subscriptions");
        }
        return subscriptions;
    }

    /** An unknown factory fails the start-up now rather than when the listener starts. */
    private void requireContainerFactory(MessageListenerEndpoint endpoint) {
        String name = endpoint.containerFactory();
        if (!name.isEmpty() && !(beanFactory.containsBean(name)
                && beanFactory.isTypeMatch(name, MessageListenerContainerFactory.class))) {
            throw new InvalidListenerSettingException("containerFactory of listener " + endpoint.id(), name,
                    "there is no MessageListenerContainerFactory bean of that name");
        }
    }

    /** The implementation of {@code onMessage}/{@code onMessages} (not the erased bridge method). */
    private static Optional<Method> listenerInterfaceMethod(Class<?> type) {
        String name;
        if (MqListener.class.isAssignableFrom(type) || MqReplyListener.class.isAssignableFrom(type)) {
            name = "onMessage";
        } else if (MqBatchListener.class.isAssignableFrom(type)) {
            name = "onMessages";
        } else {
            return Optional.empty();
        }
        return Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type))
                .filter(method -> method.getName().equals(name) && method.getParameterCount() == 1)
                .filter(method -> !method.isBridge() && !method.isSynthetic())
                .filter(method -> !method.getDeclaringClass().isInterface())
                .findFirst();
    }

    private ListenerAttributeResolver attributes() {
        if (attributes == null) {
            attributes = new ListenerAttributeResolver(beanFactory);
        }
        return attributes;
    }

    private MessageListenerEndpointRegistrar registrar() {
        if (registrar == null) {
            registrar = beanFactory.getBean(MessageListenerEndpointRegistrar.class);
        }
        return registrar;
    }
}
