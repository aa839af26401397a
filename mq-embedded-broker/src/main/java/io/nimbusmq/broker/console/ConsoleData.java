package io.nimbusmq.broker.console;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.NoSuchElementException;

import io.nimbusmq.broker.console.model.GroupViews;
import io.nimbusmq.broker.console.model.MessageViews;
import io.nimbusmq.broker.console.model.Overview;
import io.nimbusmq.broker.console.model.PendingViews;
import io.nimbusmq.broker.console.model.TopicViews;

/**
 * Everything the console reads from and does to the broker, in the console's own terms. The HTTP API is written
 * against this interface only, so the console does not change when the broker's statistics and admin services do.
 *
 * <p>Failures use plain exceptions whose messages are shown to the user: {@link NoSuchElementException} when what is
 * named does not exist, {@link IllegalArgumentException} for a value that is not allowed, {@link IllegalStateException}
 * when the broker refuses or cannot do it now. Write methods take the caller's address ({@code peer}), which the
 * broker records where it records a client's.
 */
public interface ConsoleData {

    Overview overview();

    /** The broker's messages in and out per second over the last minutes, oldest first. */
    List<Overview.TrafficPoint> traffic();

    /** Every topic, user and system, by name. */
    List<TopicViews.Summary> topics();

    TopicViews.Detail topic(String topic);

    /** Creates a topic, as {@code mqadmin updateTopic} does; refuses one that exists. */
    void createTopic(TopicViews.Spec spec, InetSocketAddress peer);

    /** Changes a topic's queues, permission or order flag; unset fields keep their value. */
    void updateTopic(TopicViews.Spec spec, InetSocketAddress peer);

    /** Deletes a topic, its queues and the offsets committed on it, as {@code mqadmin deleteTopic} does. */
    void deleteTopic(String topic, InetSocketAddress peer);

    /** Sends a message through the broker's send path, as a producer would. */
    TopicViews.Sent sendTestMessage(String topic, TopicViews.TestMessage message, InetSocketAddress peer);

    /** Every group configured (subscription-group table), online now or with committed offsets, by name. */
    List<GroupViews.Summary> groups();

    GroupViews.Detail group(String group);

    /** The group's total lag over the last minutes, oldest first. */
    List<GroupViews.LagPoint> lagHistory(String group);

    /** Moves a group's offsets on a topic to a time or to the end; returns the new lag per queue. */
    List<GroupViews.QueueLag> resetOffset(String group, GroupViews.Reset reset, InetSocketAddress peer);

    /** Forgets an offline group: its offsets, retry and dead-letter topics. */
    void deleteGroup(String group, InetSocketAddress peer);

    /** Messages of a topic stored between two times, newest first. */
    MessageViews.SearchResult messagesByTime(String topic, long beginMillis, long endMillis, int limit);

    /** Messages of a topic with a key (KEYS), newest first. */
    MessageViews.SearchResult messagesByKey(String topic, String key, int limit);

    /** A message by its id: the producer's (UNIQ_KEY, needs the topic) or the broker's offsetMsgId. */
    MessageViews.SearchResult messagesById(String topic, String msgId);

    /** A message with its properties, body preview and consumption state per group, by offsetMsgId. */
    MessageViews.Detail message(String offsetMsgId);

    /** Hands a stored message to a member of a group to consume again (CONSUME_MESSAGE_DIRECTLY). */
    MessageViews.ConsumeResult resendToGroup(String offsetMsgId, MessageViews.ResendToGroup request,
            InetSocketAddress peer);

    /** Groups with dead letters or retries. */
    List<PendingViews.DeadLetterGroup> deadLetterGroups();

    /** The newest dead letters of a group. */
    MessageViews.SearchResult deadLetters(String group, int limit);

    /** The newest messages of a group's retry topic. */
    MessageViews.SearchResult retries(String group, int limit);

    /** Sends one dead letter back to its original topic. */
    PendingViews.Resent resendDeadLetter(String group, String msgId, InetSocketAddress peer);

    /** Sends every dead letter of a group back to its original topic; returns what was sent. */
    List<PendingViews.Resent> resendAllDeadLetters(String group, InetSocketAddress peer);

    /** Deletes a group's dead letters (its dead-letter topic). */
    void deleteDeadLetters(String group, InetSocketAddress peer);

    /** Delayed and timer messages waiting for their time, soonest first. */
    PendingViews.ScheduledPage scheduled(int limit);

    /** Transactional messages waiting for their producer's decision, oldest first. */
    PendingViews.TransactionPage transactions(int limit);
}
