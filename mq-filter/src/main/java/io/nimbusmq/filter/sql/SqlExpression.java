package io.nimbusmq.filter.sql;

import java.util.Set;
import java.util.function.Function;

/**
 * A compiled selector: a tree evaluated with SQL's three-valued logic, where {@code null} is UNKNOWN. Only
 * {@code TRUE} selects a message; {@code FALSE} and UNKNOWN do not.
 *
 * <p>The nodes and their rules follow RocketMQ's filter expressions, because the official client counts on the
 * broker filtering exactly as RocketMQ does:
 * <ul>
 *   <li>A missing property is UNKNOWN: a comparison with it is UNKNOWN, {@code NOT UNKNOWN} is UNKNOWN,
 *       {@code UNKNOWN AND FALSE} is FALSE and {@code UNKNOWN OR TRUE} is TRUE.</li>
 *   <li>The string tests ({@code CONTAINS}, {@code STARTSWITH}, {@code ENDSWITH} and their {@code NOT} forms) are
 *       FALSE, not UNKNOWN, on a missing property, a non-string value or an empty search text.</li>
 *   <li>{@code IN} and {@code NOT IN} are UNKNOWN on a missing property.</li>
 *   <li>{@code =} with both sides missing is TRUE (that is how {@code IS NULL} works).</li>
 *   <li>AND and OR evaluate their right side only when the left one does not decide.</li>
 * </ul>
 */
sealed interface SqlExpression {

    /**
     * Evaluates against a message.
     *
     * @param properties the message's property value by name, {@code null} when it has none
     * @return a {@code Boolean}, {@code null} (UNKNOWN), or for value nodes a {@code String}, {@code Integer},
     *     {@code Long} or {@code Double}
     * @throws SqlEvaluationException when a value does not convert (see {@link SqlValues})
     */
    Object evaluate(Function<String, String> properties);

    /** Whether the node yields a truth value (RocketMQ's {@code BooleanExpression}): only those combine with logic. */
    default boolean isBoolean() {
        return true;
    }

    /** A literal; {@code TRUE}, {@code FALSE} and {@code NULL} count as truth values, strings and numbers do not. */
    record Constant(Object value, boolean isBoolean) implements SqlExpression {

        static final Constant TRUE = new Constant(Boolean.TRUE, true);
        static final Constant FALSE = new Constant(Boolean.FALSE, true);
        static final Constant NULL = new Constant(null, true);

        @Override
        public Object evaluate(Function<String, String> properties) {
            return value;
        }

        @Override
        public String toString() {
            return value == null ? "NULL" : value instanceof String s ? "'" + s.replace("'", "''") + "'"
                    : value instanceof Boolean b ? (b ? "TRUE" : "FALSE") : value.toString();
        }
    }

    /** A message property (TAGS, KEYS and user properties alike); its value is a string or missing. */
    record Property(String name) implements SqlExpression {

        @Override
        public Object evaluate(Function<String, String> properties) {
            return properties.apply(name);
        }

        @Override
        public boolean isBoolean() {
            return false;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Unary minus: negates a number; anything else (a property's string, a truth value) is UNKNOWN. */
    record Negate(SqlExpression operand) implements SqlExpression {

        @Override
        public Object evaluate(Function<String, String> properties) {
            Object value = operand.evaluate(properties);
            if (value instanceof Integer i) {
                return -i;
            } else if (value instanceof Long l) {
                return -l;
            } else if (value instanceof Double d) {
                return -d;
            }
            return null;
        }

        @Override
        public boolean isBoolean() {
            return false;
        }

        @Override
        public String toString() {
            return "(- " + operand + ")";
        }
    }

    /** A property used as a condition: TRUE or FALSE only if the value is a boolean, which strings never are. */
    record BooleanCast(SqlExpression operand) implements SqlExpression {

        @Override
        public Object evaluate(Function<String, String> properties) {
            Object value = operand.evaluate(properties);
            return value == null ? null : value instanceof Boolean b ? b : Boolean.FALSE;
        }

        @Override
        public String toString() {
            return operand.toString();
        }
    }

    /** NOT: TRUE ↔ FALSE, UNKNOWN stays UNKNOWN. */
    record Not(SqlExpression operand) implements SqlExpression {

        @Override
        public Object evaluate(Function<String, String> properties) {
            Boolean value = (Boolean) operand.evaluate(properties);
            return value == null ? null : !value;
        }

        @Override
        public String toString() {
            return "(NOT " + operand + ")";
        }
    }

    /** AND: FALSE wins over UNKNOWN. */
    record And(SqlExpression left, SqlExpression right) implements SqlExpression {

        @Override
        public Object evaluate(Function<String, String> properties) {
            Boolean lv = (Boolean) left.evaluate(properties);
            if (Boolean.FALSE.equals(lv)) {
                return Boolean.FALSE;
            }
            Boolean rv = (Boolean) right.evaluate(properties);
            if (Boolean.FALSE.equals(rv)) {
                return Boolean.FALSE;
            }
            return lv == null || rv == null ? null : Boolean.TRUE;
        }

        @Override
        public String toString() {
            return "(" + left + " AND " + right + ")";
        }
    }

    /** OR: TRUE wins over UNKNOWN. */
    record Or(SqlExpression left, SqlExpression right) implements SqlExpression {

        @Override
        public Object evaluate(Function<String, String> properties) {
            Boolean lv = (Boolean) left.evaluate(properties);
            if (Boolean.TRUE.equals(lv)) {
                return Boolean.TRUE;
            }
            Boolean rv = (Boolean) right.evaluate(properties);
            if (Boolean.TRUE.equals(rv)) {
                return Boolean.TRUE;
            }
            return lv == null || rv == null ? null : Boolean.FALSE;
        }

        @Override
        public String toString() {
            return "(" + left + " OR " + right + ")";
        }
    }

    /**
     * {@code =}, and {@code IS NULL} as {@code = NULL}: UNKNOWN if only the left side is missing, FALSE if only the
     * right side is, TRUE if both are; otherwise equal values or values that compare as equal.
     */
    record Equal(SqlExpression left, SqlExpression right) implements SqlExpression {

        @Override
        public Object evaluate(Function<String, String> properties) {
            Object lv = left.evaluate(properties);
            Object rv = right.evaluate(properties);
            if (lv == null || rv == null) {
                return lv == rv ? Boolean.TRUE : lv == null ? null : Boolean.FALSE;
            }
            return SqlValues.equal(lv, rv);
        }

        @Override
        public String toString() {
            return "(" + left + " = " + right + ")";
        }
    }

    /** {@code > >= < <=}: UNKNOWN if a side is missing; two strings are compared as numbers. */
    record Compare(Operator operator, SqlExpression left, SqlExpression right) implements SqlExpression {

        enum Operator {
            GT(">"), GE(">="), LT("<"), LE("<=");

            private final String symbol;

            Operator(String symbol) {
                this.symbol = symbol;
            }

            boolean test(int comparison) {
                return switch (this) {
                    case GT -> comparison > 0;
                    case GE -> comparison >= 0;
                    case LT -> comparison < 0;
                    case LE -> comparison <= 0;
                };
            }
        }

        @Override
        public Object evaluate(Function<String, String> properties) {
            Object lv = left.evaluate(properties);
            if (lv == null) {
                return null;
            }
            Object rv = right.evaluate(properties);
            if (rv == null) {
                return null;
            }
            if (lv instanceof String ls && rv instanceof String rs) {
                return operator.test(SqlValues.toDouble(ls).compareTo(SqlValues.toDouble(rs)));
            }
            return operator.test(SqlValues.compare(lv, rv));
        }

        @Override
        public String toString() {
            return "(" + left + " " + operator.symbol + " " + right + ")";
        }
    }

    /** {@code IN} / {@code NOT IN} a list of strings; UNKNOWN on a missing property. */
    record InList(Property property, Set<String> values, boolean negated) implements SqlExpression {

        @Override
        public Object evaluate(Function<String, String> properties) {
            Object value = property.evaluate(properties);
            if (!(value instanceof String s)) {
                return null;
            }
            return values.contains(s) != negated;
        }

        @Override
        public String toString() {
            return "(" + property + (negated ? " NOT IN " : " IN ") + values + ")";
        }
    }

    /**
     * {@code CONTAINS}, {@code STARTSWITH}, {@code ENDSWITH} and their {@code NOT} forms: FALSE (not UNKNOWN) when
     * the value is missing or not a string, or the search text is empty.
     */
    record StringMatch(Operator operator, SqlExpression operand, String text, boolean negated)
            implements SqlExpression {

        enum Operator {
            CONTAINS, STARTSWITH, ENDSWITH;

            boolean test(String value, String text) {
                return switch (this) {
                    case CONTAINS -> value.contains(text);
                    case STARTSWITH -> value.startsWith(text);
                    case ENDSWITH -> value.endsWith(text);
                };
            }
        }

        @Override
        public Object evaluate(Function<String, String> properties) {
            if (text.isEmpty()) {
                return Boolean.FALSE;
            }
            Object value = operand.evaluate(properties);
            if (!(value instanceof String s)) {
                return Boolean.FALSE;
            }
            return operator.test(s, text) != negated;
        }

        @Override
        public String toString() {
            return "(" + operand + (negated ? " NOT " : " ") + operator + " " + new Constant(text, false) + ")";
        }
    }
}
