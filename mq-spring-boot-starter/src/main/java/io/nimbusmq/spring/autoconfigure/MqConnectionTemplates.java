package io.nimbusmq.spring.autoconfigure;

import java.util.Map;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.metrics.MqObservations;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.transaction.TransactionSender;

/**
 * A template per named connection: for each {@code mq.connections.<name>}, a producer bean {@code <name>MqProducer}
 * (the default producer group, on the connection's client) and an {@link MqTemplate} bean {@code <name>MqTemplate},
 * both qualified by the connection's name and not default candidates, so that {@code @Qualifier("<name>") MqTemplate}
 * gets the connection's template and a plain {@code MqTemplate} still the default one. Transactional sends go through
 * the default connection's template.
 */
final class MqConnectionTemplates implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanFactoryAware {

    private Environment environment;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        Map<String, MqConnectionProperties> connections = Binder.get(environment)
                .bind("mq.connections", Bindable.mapOf(String.class, MqConnectionProperties.class))
                .orElse(Map.of());
        for (String name : connections.keySet()) {
            String producerBean = name + "MqProducer";
            RootBeanDefinition producer = qualified(new RootBeanDefinition(Producer.class, () -> producer(name)),
                    name);
            producer.setDestroyMethodName("close");
            registry.registerBeanDefinition(producerBean, producer);
            RootBeanDefinition template = qualified(new RootBeanDefinition(MqTemplate.class,
                    () -> template(name, beanFactory.getBean(producerBean, Producer.class))), name);
            registry.registerBeanDefinition(name + "MqTemplate", template);
        }
    }

    private static RootBeanDefinition qualified(RootBeanDefinition definition, String name) {
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
        definition.setDefaultCandidate(false);
        return definition;
    }

    private Producer producer(String connection) {
        ProducerConfigs configs = beanFactory.getBean(ProducerConfigs.class);
        Producer producer = beanFactory.getBean(MqClients.class)
                .client(connection, null, "mq.connections." + connection)
                .producer(configs.forGroup(configs.defaultGroup()));
        producer.start();
        return producer;
    }

    private MqTemplate template(String connection, Producer producer) {
        MqProperties properties = beanFactory.getBean(MqProperties.class);
        TransactionSender transactions = (message, payload, argument) -> {
            throw new IllegalStateException("connection " + connection + " has no transaction listeners: send "
                    + "transactional messages through the default MqTemplate");
        };
        MqTemplate template = new MqTemplate(producer, beanFactory.getBean(MqMessageConverter.class), transactions,
                beanFactory.getBean(MqMetrics.class), properties.getProducer().getReplyTimeout());
        template.setObservations(beanFactory.getBean(MqObservations.class));
        NamespacedProducers namespacedProducers = beanFactory.getBean(NamespacedProducers.class);
        template.setNamespaceProducers(namespace -> namespacedProducers.producer(connection, namespace,
                "MqTemplate.withNamespace"));
        return template;
    }
}
