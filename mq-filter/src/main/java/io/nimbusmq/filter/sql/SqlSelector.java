package io.nimbusmq.filter.sql;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A compiled SQL92 selector, as consumers send with {@code MessageSelector.bySql(...)}: a condition on message
 * properties (user properties, {@code TAGS}, {@code KEYS}, ...), with RocketMQ's grammar and semantics.
 *
 * <pre>{@code
 * SqlSelector selector = SqlSelector.compile("region = 'eu' AND amount BETWEEN 10 AND 100");
 * selector.matches(Map.of("region", "eu", "amount", "42"));   // true
 * }</pre>
 *
 * <p>Operators: {@code = <> > >= < <=}, {@code [NOT] BETWEEN .. AND ..}, {@code [NOT] IN ('a', 'b')},
 * {@code IS [NOT] NULL}, {@code [NOT] CONTAINS 'x'}, {@code [NOT] STARTSWITH 'x'}, {@code [NOT] ENDSWITH 'x'},
 * {@code AND}, {@code OR}, {@code NOT}, parentheses and unary {@code + -}. See {@link SqlLexer} for literals,
 * {@link SqlParser} for precedence and refused operands, {@link SqlExpression} for three-valued logic and
 * {@link SqlValues} for how property strings are compared with numbers.
 *
 * <p>Immutable and thread-safe: compile once, evaluate from any thread.
 */
public final class SqlSelector {

    private final String source;
    private final SqlExpression expression;

    private SqlSelector(String source, SqlExpression expression) {
        this.source = source;
        this.expression = expression;
    }

    /**
     * Compiles a selector.
     *
     * @throws SqlSyntaxException when RocketMQ would refuse it too, with what is wrong and where
     */
    public static SqlSelector compile(String source) {
        return new SqlSelector(source, SqlParser.parse(source));
    }

    /**
     * The selector's value for a message: TRUE, FALSE or {@code null} (UNKNOWN).
     *
     * @param properties a property's value by name, {@code null} when the message has none
     * @throws SqlEvaluationException when a property value does not convert to the number it is compared with
     */
    public Boolean evaluate(Function<String, String> properties) {
        return (Boolean) expression.evaluate(Objects.requireNonNull(properties, "properties"));
    }

    /** Whether the selector selects a message: only TRUE does; UNKNOWN and evaluation errors do not. */
    public boolean matches(Function<String, String> properties) {
        try {
            return Boolean.TRUE.equals(evaluate(properties));
        } catch (SqlEvaluationException e) {
            return false;
        }
    }

    /** {@link #matches(Function)} on a property map. */
    public boolean matches(Map<String, String> properties) {
        return matches(properties::get);
    }

    /** The selector as written. */
    public String source() {
        return source;
    }

    /** The parsed tree, fully parenthesized, e.g. {@code ((a = 1) OR (NOT (b IS NULL)))}; for logs and tests. */
    public String explain() {
        return expression.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
