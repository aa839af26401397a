package io.nimbusmq.spring.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.TopicDescription;
import io.nimbusmq.client.producer.Producer;

/**
 * Declared topics at start-up, like spring-kafka's {@code KafkaAdmin}: once every singleton exists, and before
 * listeners start, each declared {@link MqTopic} is looked up; an existing one is checked (queue counts, message
 * type), a missing one is created on every master (UPDATE_AND_CREATE_TOPIC) when {@code mq.admin.create-topics} is
 * on and the brokers allow it. The outcome is logged as one report ({@link TopicDeclarationReport}): INFO when all is
 * as declared, WARN naming each topic that differs or is missing and what to do. With {@code mq.admin.fail-fast} a
 * missing topic fails the start. Then the template's producer looks the declared topics' routes up, so their first
 * sends do not pay for it.
 */
public class MqAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MqAdmin.class);

    private final MqClient client;
    private final List<MqTopic> topics;
    private final boolean createTopics;
    private final boolean failFast;
    private final Producer producer;
    private volatile TopicDeclarationReport report = new TopicDeclarationReport(List.of());

    /** @param producer whose routes to the declared topics are looked up afterwards, or null */
    public MqAdmin(MqClient client, List<MqTopic> topics, boolean createTopics, boolean failFast, Producer producer) {
        this.client = client;
        this.topics = List.copyOf(topics);
        this.createTopics = createTopics;
        this.failFast = failFast;
        this.producer = producer;
    }

    /** The outcome of the start-up declaration (empty before it ran, or when nothing is declared). */
    public TopicDeclarationReport report() {
        return report;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (topics.isEmpty()) {
            return;
        }
        report = declare();
        log(report);
        if (failFast && !report.with(TopicDeclarationReport.Outcome.MISSING).isEmpty()) {
            throw new MissingTopicsException(report);
        }
        if (producer != null) {
            producer.lookUpRoutes(topics.stream().map(MqTopic::name).toList());
        }
    }

    /** Looks every declared topic up, creating the missing ones when allowed. */
    public TopicDeclarationReport declare() {
        List<TopicDeclarationReport.TopicOutcome> outcomes = new ArrayList<>();
        for (MqTopic topic : topics) {
            outcomes.add(declare(topic));
        }
        return new TopicDeclarationReport(outcomes);
    }

    private TopicDeclarationReport.TopicOutcome declare(MqTopic topic) {
        Optional<TopicDescription> existing;
        try {
            existing = client.describeTopic(topic.name());
        } catch (MqClientException e) {
            return outcome(topic, TopicDeclarationReport.Outcome.MISSING, "could not look it up: " + e.getMessage());
        }
        if (existing.isPresent()) {
            String difference = difference(topic, existing.get());
            return difference.isEmpty() ? outcome(topic, TopicDeclarationReport.Outcome.EXISTS, "")
                    : outcome(topic, TopicDeclarationReport.Outcome.DIFFERS, difference);
        }
        if (!createTopics) {
            return outcome(topic, TopicDeclarationReport.Outcome.MISSING, "mq.admin.create-topics=false; "
                    + howToCreate(topic));
        }
        try {
            Map<String, String> refusals = client.createTopic(topic.name(), topic.queues(), topic.attributes());
            return refusals.isEmpty() ? outcome(topic, TopicDeclarationReport.Outcome.CREATED, "")
                    : outcome(topic, TopicDeclarationReport.Outcome.MISSING, "refused by " + refusals + "; "
                            + howToCreate(topic));
        } catch (MqClientException e) {
            return outcome(topic, TopicDeclarationReport.Outcome.MISSING, e.getMessage() + "; " + howToCreate(topic));
        }
    }

    /** Queue counts and message type against what the brokers hold; empty when they match. */
    static String difference(MqTopic topic, TopicDescription existing) {
        List<String> differences = new ArrayList<>();
        for (TopicDescription.BrokerTopic broker : existing.brokers()) {
            if (broker.writeQueues() != topic.queues() || broker.readQueues() != topic.queues()) {
                differences.add(broker.brokerName() + " has " + broker.readQueues() + " read / "
                        + broker.writeQueues() + " write queues, declared " + topic.queues());
            }
            String type = broker.attributes().get(MqTopic.MESSAGE_TYPE_ATTRIBUTE);
            if (type != null && !type.equalsIgnoreCase(topic.type().name())) {
                differences.add(broker.brokerName() + " has message type " + type + ", declared " + topic.type());
            }
        }
        return String.join("; ", differences);
    }

    private static String howToCreate(MqTopic topic) {
        return "create it with mqadmin updateTopic -n <name server> -c <cluster> -t " + topic.name() + " -r "
                + topic.queues() + " -w " + topic.queues() + " -a +message.type=" + topic.type();
    }

    private static TopicDeclarationReport.TopicOutcome outcome(MqTopic topic, TopicDeclarationReport.Outcome outcome,
            String detail) {
        return new TopicDeclarationReport.TopicOutcome(topic, outcome, detail);
    }

    private static void log(TopicDeclarationReport report) {
        log.info("Declared topics: created {}, existing {}, differing {}, missing {}",
                names(report.with(TopicDeclarationReport.Outcome.CREATED)),
                names(report.with(TopicDeclarationReport.Outcome.EXISTS)),
                names(report.with(TopicDeclarationReport.Outcome.DIFFERS)),
                names(report.with(TopicDeclarationReport.Outcome.MISSING)));
        for (TopicDeclarationReport.TopicOutcome outcome : report.topics()) {
            if (outcome.outcome() == TopicDeclarationReport.Outcome.DIFFERS
                    || outcome.outcome() == TopicDeclarationReport.Outcome.MISSING) {
                log.warn("Declared topic {} is {}: {}", outcome.topic().name(),
                        outcome.outcome().name().toLowerCase(java.util.Locale.ROOT), outcome.detail());
            }
        }
    }

    private static List<String> names(List<TopicDeclarationReport.TopicOutcome> outcomes) {
        return outcomes.stream().map(outcome -> outcome.topic().name()).toList();
    }
}
