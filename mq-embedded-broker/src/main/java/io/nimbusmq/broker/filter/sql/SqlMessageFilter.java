package io.nimbusmq.broker.filter.sql;

import java.nio.ByteBuffer;
import java.util.Map;

import io.nimbusmq.filter.sql.SqlEvaluationException;
import io.nimbusmq.filter.sql.SqlSelector;
import io.nimbusmq.filter.sql.SqlSyntaxException;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.read.MessageFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SQL92 subscription as a store filter. The consume queue's tag hash says nothing about properties, so every entry
 * is a candidate; the exact check decodes the stored message's properties and evaluates the selector. A message the
 * selector cannot be evaluated against (a property that is not the number it is compared with) does not match, as
 * in RocketMQ.
 */
public final class SqlMessageFilter implements MessageFilter {

    private static final Logger log = LoggerFactory.getLogger(SqlMessageFilter.class);

    private final SqlSelector selector;

    private SqlMessageFilter(SqlSelector selector) {
        this.selector = selector;
    }

    /**
     * Compiles a SQL92 subscription expression.
     *
     * @throws SqlSyntaxException when it does not compile
     */
    public static SqlMessageFilter compile(String expression) {
        return new SqlMessageFilter(SqlSelector.compile(expression));
    }

    public SqlSelector selector() {
        return selector;
    }

    @Override
    public boolean matchesTagsCode(long tagsCode) {
        return true;
    }

    @Override
    public boolean matchesMessage(ByteBuffer storedMessage) {
        Map<String, String> properties = MessageProperties.decode(
                MessageCodec.decodeMeta(storedMessage, 0).properties());
        try {
            return Boolean.TRUE.equals(selector.evaluate(properties::get));
        } catch (SqlEvaluationException e) {
            log.debug("SQL92 selector [{}] cannot be evaluated against {}: {}", selector, properties, e.getMessage());
            return false;
        }
    }

    @Override
    public String toString() {
        return "SQL92[" + selector + "]";
    }
}
