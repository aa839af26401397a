package io.nimbusmq.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PullConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.spring.annotation.TransactionListenerBeanPostProcessor;
import io.nimbusmq.spring.core.MqOperations;
import io.nimbusmq.spring.core.MqReceiver;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.metrics.MqObservations;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.transaction.TransactionListenerRegistry;

/** The template's producer, the template, and transaction listeners with their producers. */
@Configuration(proxyBeanMethods = false)
class MqProducerConfiguration {

    static final String PRODUCER_BEAN = "mqProducer";

    @Bean
    static TransactionListenerBeanPostProcessor mqTransactionListenerBeanPostProcessor() {
        return new TransactionListenerBeanPostProcessor();
    }

    @Bean
    static MqConnectionTemplates mqConnectionTemplates() {
        return new MqConnectionTemplates();
    }

    /** The pull consumer of {@code MqTemplate.receive}, when mq.pull-consumer.topic and group are set. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "mq.pull-consumer", name = {"topic", "group"})
    @ConditionalOnMissingBean
    MqReceiver mqReceiver(MqClients clients, MqProperties properties, MqMessageConverter converter) {
        MqPullConsumerProperties pull = properties.getPullConsumer();
        MqClient client = clients.client(pull.getConnection(), null, "mq.pull-consumer.connection");
        ConsumerConfig config = ConsumerConfig.builder(pull.getGroup())
                .subscribe(new Subscription(pull.getTopic(), pull.getSelectorType(), pull.getSelectorExpression()))
                .pullBatchSize(pull.getPullBatchSize())
                .consumeFromWhere(pull.getConsumeFromWhere())
                .build();
        return new MqReceiver(() -> client.pullConsumer(PullConsumerConfig.subscribe(config)), converter,
                pull.getPollTimeout());
    }

    @Bean
    ProducerConfigs mqProducerConfigs(MqProperties properties, ObjectProvider<ProducerConfigCustomizer> customizers,
            Environment environment) {
        return new ProducerConfigs(properties.getProducer(), customizers.orderedStream().toList(),
                MqClientConfiguration.applicationName(environment));
    }

    @Bean(name = PRODUCER_BEAN, destroyMethod = "close")
    @ConditionalOnMissingBean(name = PRODUCER_BEAN)
    Producer mqProducer(MqClients clients, MqProperties properties, ProducerConfigs configs) {
        Producer producer = clients.forCredentials(properties.getProducer())
                .producer(configs.forGroup(configs.defaultGroup()));
        producer.start();
        return producer;
    }

    @Bean
    NamespacedProducers mqNamespacedProducers(MqClients clients, MqProperties properties, ProducerConfigs configs,
            org.springframework.beans.factory.BeanFactory beanFactory) {
        return new NamespacedProducers(clients, properties, configs, connection -> beanFactory.getBean(
                connection.isEmpty() ? PRODUCER_BEAN : connection + "MqProducer", Producer.class));
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionListenerRegistry mqTransactionListenerRegistry(MqClients clients, MqProperties properties,
            ProducerConfigs configs, MqMessageConverter converter) {
        return new TransactionListenerRegistry(clients.forCredentials(properties.getProducer()),
                configs.transactionGroup(), configs::forGroup, converter);
    }

    @Bean
    @ConditionalOnMissingBean(MqOperations.class)
    MqTemplate mqTemplate(MqMessageConverter converter,
            TransactionListenerRegistry transactions, MqMetrics metrics, MqObservations observations,
            MqProperties properties, org.springframework.beans.factory.BeanFactory beanFactory,
            ObjectProvider<MqReceiver> receiver, NamespacedProducers namespacedProducers) {
        Producer producer = beanFactory.getBean(PRODUCER_BEAN, Producer.class);
        MqTemplate template = new MqTemplate(producer, converter, transactions, metrics,
                properties.getProducer().getReplyTimeout());
        template.setObservations(observations);
        template.setReceiver(receiver.getIfAvailable());
        template.setNamespaceProducers(namespace -> namespacedProducers.producer(MqClients.DEFAULT, namespace,
                "MqTemplate.withNamespace"));
        return template;
    }
}
