package io.nimbusmq.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.spring.admin.MqAdmin;
import io.nimbusmq.spring.admin.MqTopic;

/** Declared topics: {@link MqTopic} beans and {@code mq.topics.*}, created or checked by {@link MqAdmin}. */
@Configuration(proxyBeanMethods = false)
class MqAdminConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MqAdmin mqAdmin(MqClients clients, MqProperties properties, ObjectProvider<MqTopic> topicBeans,
            BeanFactory beanFactory) {
        List<MqTopic> topics = new ArrayList<>();
        properties.getTopics().forEach((name, topic) -> topics.add(MqTopic.named(name).queues(topic.getQueues())
                .type(topic.getMessageType())));
        topicBeans.orderedStream().forEach(topics::add);
        Producer producer = beanFactory.containsBean(MqProducerConfiguration.PRODUCER_BEAN)
                ? beanFactory.getBean(MqProducerConfiguration.PRODUCER_BEAN, Producer.class) : null;
        MqClient client = clients.forCredentials(properties.getProducer());
        return new MqAdmin(client, topics, properties.getAdmin().isCreateTopics(),
                properties.getAdmin().isFailFast(), producer);
    }
}
