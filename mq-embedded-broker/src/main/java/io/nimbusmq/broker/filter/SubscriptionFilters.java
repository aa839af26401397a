package io.nimbusmq.broker.filter;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import io.nimbusmq.broker.client.SubscriptionValidator;
import io.nimbusmq.broker.filter.sql.SqlMessageFilter;
import io.nimbusmq.filter.sql.SqlSyntaxException;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.client.ExpressionType;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.store.read.MessageFilter;

/**
 * The compiled filters of the subscriptions being pulled, so that an expression is compiled once per subscription
 * rather than on every pull: TAG expressions into {@link TagSubscription}s, SQL92 expressions into
 * {@link SqlMessageFilter}s.
 *
 * <p>Entries are keyed by (consumer group, topic) and hold the expression they were compiled from; a subscription
 * that changes its expression replaces its entry, while a new {@code subVersion} with the same expression (the
 * client raises it at every rebalance) reuses it. Expressions that do not compile are remembered too, so a client
 * retrying a bad expression costs no parsing. The table is bounded: past {@code maxEntries} the least recently used
 * entry goes. {@link #retainGroups} drops the entries of groups that went offline.
 *
 * <p>Thread-safe; lookups hold the table's monitor only for a map access, never while compiling.
 */
public final class SubscriptionFilters {

    /** The default bound: far more (group, topic) pairs than a single broker serves. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final boolean propertyFilterEnabled;
    private final int maxEntries;
    private final Map<Key, Entry> entries;

    /**
     * @param propertyFilterEnabled whether SQL92 subscriptions are served ({@code enablePropertyFilter}); when not,
     *     they are refused with SYSTEM_ERROR as by a RocketMQ broker with the property filter off
     * @param maxEntries how many (group, topic) filters to keep at most
     */
    public SubscriptionFilters(boolean propertyFilterEnabled, int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
        }
        this.propertyFilterEnabled = propertyFilterEnabled;
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(64, 0.75f, true);
    }

    public boolean propertyFilterEnabled() {
        return propertyFilterEnabled;
    }

    /**
     * The filter of {@code group}'s subscription to {@code topic}, compiled on first use of this expression.
     *
     * @param expressionType TAG (also {@code null} or blank) or SQL92
     * @throws FilterUnavailableException when the broker does not serve this type, or the expression does not compile
     */
    public MessageFilter filter(String group, String topic, String expressionType, String expression) {
        String type = ExpressionType.isTag(expressionType) ? ExpressionType.TAG : expressionType;
        Key key = new Key(group, topic);
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null || !entry.compiledFrom(type, expression)) {
            entry = compile(type, expression);
            synchronized (entries) {
                entries.put(key, entry);
                evictEldestBeyondBound();
            }
        }
        if (entry.failure() != null) {
            throw entry.failure();
        }
        return entry.filter();
    }

    /**
     * Judges a non-TAG subscription for CHECK_CLIENT_CONFIG (46), as RocketMQ does: SYSTEM_ERROR with the property
     * filter off, SUBSCRIPTION_PARSE_FAILED with the parser's message when the expression does not compile.
     */
    public SubscriptionValidator.Verdict validate(SubscriptionData subscription) {
        String type = subscription.expressionType();
        FilterUnavailableException failure = compile(ExpressionType.isTag(type) ? ExpressionType.TAG : type,
                subscription.subString()).failure();
        if (failure == null) {
            return SubscriptionValidator.Verdict.accept();
        }
        return SubscriptionValidator.Verdict.reject(failure.unsupported() ? ResponseCode.SYSTEM_ERROR
                : ResponseCode.SUBSCRIPTION_PARSE_FAILED, failure.getMessage());
    }

    /**
     * Drops the entries of groups {@code online} rejects; the broker calls it periodically with "the group has an
     * online member", so that filters go away with their subscriptions.
     *
     * @return how many entries were dropped
     */
    public int retainGroups(Predicate<String> online) {
        int removed = 0;
        synchronized (entries) {
            for (Iterator<Key> keys = entries.keySet().iterator(); keys.hasNext(); ) {
                if (!online.test(keys.next().group())) {
                    keys.remove();
                    removed++;
                }
            }
        }
        return removed;
    }

    /** How many filters are cached. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private Entry compile(String type, String expression) {
        if (ExpressionType.TAG.equals(type)) {
            return new Entry(type, expression, TagSubscription.parse(expression), null);
        }
        if (!propertyFilterEnabled) {
            return new Entry(type, expression, null, new FilterUnavailableException(true,
                    "The broker does not support consumer to filter message by " + type
                            + " (enablePropertyFilter is off)"));
        }
        if (!ExpressionType.SQL92.equals(type)) {
            return new Entry(type, expression, null, new FilterUnavailableException(false,
                    "unsupported expression type " + type + "; the broker filters by TAG or SQL92"));
        }
        try {
            return new Entry(type, expression, SqlMessageFilter.compile(expression), null);
        } catch (SqlSyntaxException e) {
            return new Entry(type, expression, null, new FilterUnavailableException(false,
                    "invalid SQL92 expression [" + expression + "]: " + e.getMessage()));
        }
    }

    private void evictEldestBeyondBound() {
        Iterator<Key> eldest = entries.keySet().iterator();
        while (entries.size() > maxEntries && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private record Key(String group, String topic) {
    }

    /** A compiled filter, or why there is none, and the expression it came from. */
    private record Entry(String type, String expression, MessageFilter filter, FilterUnavailableException failure) {

        boolean compiledFrom(String otherType, String otherExpression) {
            return type.equals(otherType) && Objects.equals(expression, otherExpression);
        }
    }
}
