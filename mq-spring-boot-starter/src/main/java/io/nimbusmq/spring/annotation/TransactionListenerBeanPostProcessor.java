package io.nimbusmq.spring.annotation;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.nimbusmq.spring.core.MqTransactionListener;
import io.nimbusmq.spring.transaction.TransactionBinding;
import io.nimbusmq.spring.transaction.TransactionListenerRegistry;

/** Registers {@link TransactionListener} beans with the {@link TransactionListenerRegistry}. */
public class TransactionListenerBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private ConfigurableBeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        TransactionListener annotation = AnnotatedElementUtils.findMergedAnnotation(targetClass,
                TransactionListener.class);
        if (annotation == null) {
            return bean;
        }
        if (!(bean instanceof MqTransactionListener<?> listener)) {
            throw new IllegalStateException("@TransactionListener bean " + beanName + " must implement "
                    + "MqTransactionListener");
        }
        Set<String> topics = new LinkedHashSet<>();
        Arrays.stream(annotation.topics()).map(this::resolve).filter(topic -> !topic.isBlank()).forEach(topics::add);
        TransactionListenerRegistry registry = beanFactory.getBean(TransactionListenerRegistry.class);
        String group = resolve(annotation.producerGroup());
        if (group.isBlank()) {
            group = registry.defaultProducerGroup();
        }
        ResolvableType payloadType = ResolvableType.forClass(targetClass).as(MqTransactionListener.class)
                .getGeneric(0);
        if (payloadType.resolve() == null) {
            payloadType = ResolvableType.forClass(byte[].class);
        }
        registry.register(new TransactionBinding(beanName, group, topics, listener, payloadType));
        return bean;
    }

    private String resolve(String value) {
        String resolved = beanFactory.resolveEmbeddedValue(value);
        return resolved == null ? "" : resolved.trim();
    }
}
