package io.nimbusmq.spring.annotation;

import java.lang.reflect.Method;
import java.util.Arrays;
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

import io.nimbusmq.spring.core.MqBatchListener;
import io.nimbusmq.spring.core.MqListener;
import io.nimbusmq.spring.core.MqReplyListener;
import io.nimbusmq.spring.listener.MessageListenerEndpoint;
import io.nimbusmq.spring.listener.MessageListenerEndpointRegistrar;

/**
 * Finds {@link MessageListener} on bean methods and on listener classes, resolves {@code ${...}} placeholders, and
 * registers one {@link MessageListenerEndpoint} per annotation with the {@link MessageListenerEndpointRegistrar}
 * (which fails on consumer group conflicts, making the context fail to start).
 */
public class MessageListenerAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    /** Default group prefix when {@code consumerGroup} is empty and no application name is set. */
    static final String DEFAULT_APPLICATION_NAME = "nimbus";

    private ConfigurableBeanFactory beanFactory;
    private MessageListenerEndpointRegistrar registrar;

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
        String topic = resolve(annotation.topic());
        String group = resolve(annotation.consumerGroup());
        if (group.isBlank()) {
            group = resolve("${spring.application.name:" + DEFAULT_APPLICATION_NAME + "}") + "-" + topic;
        }
        String id = resolve(annotation.id());
        MessageListenerEndpoint endpoint = new MessageListenerEndpoint(id.isEmpty() ? beanName + "#"
                + method.getName() : id, topic, group, annotation.selectorType(),
                resolve(annotation.selectorExpression()), annotation.messageModel(), annotation.consumeMode(),
                annotation.maxReconsumeTimes(), annotation.consumeThreads(), batch, annotation.batchSize(), bean,
                method, resolve(annotation.errorHandler()), Boolean.parseBoolean(resolve(annotation.autoStartup())));
        registrar().register(endpoint, ListenerConnectionAttributes.resolve(annotation, endpoint.id(),
                this::resolve));
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

    private String resolve(String value) {
        String resolved = beanFactory.resolveEmbeddedValue(value);
        return resolved == null ? "" : resolved.trim();
    }

    private MessageListenerEndpointRegistrar registrar() {
        if (registrar == null) {
            registrar = beanFactory.getBean(MessageListenerEndpointRegistrar.class);
        }
        return registrar;
    }
}
