package io.nimbusmq.filter.sql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.nimbusmq.filter.sql.SqlExpression.Compare;
import io.nimbusmq.filter.sql.SqlExpression.Constant;
import io.nimbusmq.filter.sql.SqlExpression.StringMatch;
import io.nimbusmq.filter.sql.SqlToken.Kind;

/**
 * A recursive-descent parser for RocketMQ's selector grammar, one method per rule, loosest binding first:
 *
 * <pre>
 * selector   := or END
 * or         := and ( OR and )*
 * and        := equality ( AND equality )*
 * equality   := comparison ( '=' comparison | '&lt;&gt;' comparison | IS NULL | IS NOT NULL )*
 * comparison := unary ( ('&gt;' | '&gt;=' | '&lt;' | '&lt;=') unary
 *                     | [NOT] (CONTAINS | STARTSWITH | ENDSWITH) string
 *                     | [NOT] BETWEEN unary AND unary
 *                     | [NOT] IN '(' string ( ',' string )* ')' )*
 * unary      := '+' unary | '-' unary | NOT unary | primary
 * primary    := string | decimal | float | TRUE | FALSE | NULL | property | '(' or ')'
 * </pre>
 *
 * <p>As in RocketMQ, {@code NOT} binds tighter than comparisons: {@code NOT a = 'x'} means {@code (NOT a) = 'x'},
 * which never selects anything; write {@code NOT (a = 'x')}. The operand checks RocketMQ makes while building the
 * tree are made here too, so that exactly the selectors it refuses are refused: a string, boolean or {@code NULL}
 * literal or a condition on either side of {@code > >= < <=}, a {@code NULL} literal on either side of {@code =} or
 * {@code <>}, {@code TRUE = 'x'}-style literal pairs, {@code IN} on anything but a property, {@code BETWEEN} with a
 * lower literal bound above the upper one, decimals outside the long range and floats that are infinite or not
 * above {@link Double#MIN_VALUE} (so {@code 0.0} is refused; write {@code 0}).
 */
final class SqlParser {

    private final List<SqlToken> tokens;
    private int index;

    private SqlParser(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    /** Parses a whole selector into a condition. */
    static SqlExpression parse(String selector) {
        if (selector == null || selector.isBlank()) {
            throw new SqlSyntaxException("the SQL92 expression is empty");
        }
        SqlParser parser = new SqlParser(SqlLexer.tokenize(selector));
        SqlExpression expression = parser.or();
        parser.expect(Kind.END, "an operator or the end of the expression");
        return asCondition(expression);
    }

    private SqlExpression or() {
        SqlExpression left = and();
        while (accept(Kind.OR)) {
            left = new SqlExpression.Or(asCondition(left), asCondition(and()));
        }
        return left;
    }

    private SqlExpression and() {
        SqlExpression left = equality();
        while (accept(Kind.AND)) {
            left = new SqlExpression.And(asCondition(left), asCondition(equality()));
        }
        return left;
    }

    private SqlExpression equality() {
        SqlExpression left = comparison();
        while (true) {
            if (accept(Kind.EQ)) {
                left = equal(left, comparison());
            } else if (accept(Kind.NE)) {
                left = new SqlExpression.Not(equal(left, comparison()));
            } else if (accept(Kind.IS)) {
                boolean negated = accept(Kind.NOT);
                expect(Kind.NULL, negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
                SqlExpression isNull = new SqlExpression.Equal(left, Constant.NULL);
                left = negated ? new SqlExpression.Not(isNull) : isNull;
            } else {
                return left;
            }
        }
    }

    private SqlExpression comparison() {
        SqlExpression left = unary();
        while (true) {
            SqlToken token = peek();
            switch (token.kind()) {
                case GT -> left = compare(Compare.Operator.GT, left, advanceThen(this::unary));
                case GE -> left = compare(Compare.Operator.GE, left, advanceThen(this::unary));
                case LT -> left = compare(Compare.Operator.LT, left, advanceThen(this::unary));
                case LE -> left = compare(Compare.Operator.LE, left, advanceThen(this::unary));
                case CONTAINS, STARTSWITH, ENDSWITH, BETWEEN, IN -> left = negatable(left, false);
                case NOT -> {
                    index++;
                    Kind next = peek().kind();
                    if (next != Kind.CONTAINS && next != Kind.STARTSWITH && next != Kind.ENDSWITH
                            && next != Kind.BETWEEN && next != Kind.IN) {
                        throw unexpected(peek(), "CONTAINS, STARTSWITH, ENDSWITH, BETWEEN or IN after NOT");
                    }
                    left = negatable(left, true);
                }
                default -> {
                    return left;
                }
            }
        }
    }

    /** The operators that take a NOT: the current token is one of them. */
    private SqlExpression negatable(SqlExpression left, boolean negated) {
        SqlToken operator = tokens.get(index++);
        return switch (operator.kind()) {
            case CONTAINS -> new StringMatch(StringMatch.Operator.CONTAINS, left, string(), negated);
            case STARTSWITH -> new StringMatch(StringMatch.Operator.STARTSWITH, left, string(), negated);
            case ENDSWITH -> new StringMatch(StringMatch.Operator.ENDSWITH, left, string(), negated);
            case BETWEEN -> between(left, negated);
            default -> in(left, negated);
        };
    }

    private SqlExpression between(SqlExpression value, boolean negated) {
        SqlExpression low = unary();
        expect(Kind.AND, "AND between the bounds of BETWEEN");
        SqlExpression high = unary();
        if (negated) {
            return new SqlExpression.Or(compare(Compare.Operator.LT, value, low),
                    compare(Compare.Operator.GT, value, high));
        }
        if (low instanceof Constant lc && high instanceof Constant hc) {
            if (lc.value() == null || hc.value() == null) {
                throw new SqlSyntaxException("the bounds of BETWEEN cannot be NULL");
            }
            int order;
            try {
                order = SqlValues.compare(hc.value(), lc.value());
            } catch (SqlEvaluationException e) {
                throw new SqlSyntaxException("the bounds of BETWEEN " + low + " AND " + high + " cannot be compared: "
                        + e.getMessage());
            }
            if (order < 0) {
                throw new SqlSyntaxException("the lower bound of BETWEEN " + low + " AND " + high
                        + " must not be greater than the upper bound");
            }
        }
        return new SqlExpression.And(compare(Compare.Operator.GE, value, low),
                compare(Compare.Operator.LE, value, high));
    }

    private SqlExpression in(SqlExpression left, boolean negated) {
        if (!(left instanceof SqlExpression.Property property)) {
            throw new SqlSyntaxException((negated ? "NOT IN" : "IN") + " needs a property on its left, not " + left);
        }
        expect(Kind.LPAREN, "'(' after IN");
        Set<String> values = new LinkedHashSet<>();
        do {
            values.add(string());
        } while (accept(Kind.COMMA));
        expect(Kind.RPAREN, "',' or ')' in the IN list");
        return new SqlExpression.InList(property, Set.copyOf(values), negated);
    }

    private SqlExpression unary() {
        if (accept(Kind.PLUS)) {
            return unary();
        }
        if (accept(Kind.MINUS)) {
            return new SqlExpression.Negate(unary());
        }
        if (accept(Kind.NOT)) {
            return new SqlExpression.Not(asCondition(unary()));
        }
        return primary();
    }

    private SqlExpression primary() {
        SqlToken token = tokens.get(index);
        switch (token.kind()) {
            case STRING -> {
                index++;
                return new Constant(token.text(), false);
            }
            case DECIMAL -> {
                index++;
                return new Constant(SqlLiterals.decimal(token), false);
            }
            case FLOAT -> {
                index++;
                return new Constant(SqlLiterals.floating(token), false);
            }
            case TRUE, FALSE, NULL -> {
                index++;
                return token.kind() == Kind.TRUE ? Constant.TRUE : token.kind() == Kind.FALSE ? Constant.FALSE
                        : Constant.NULL;
            }
            case IDENTIFIER -> {
                index++;
                return new SqlExpression.Property(token.text());
            }
            case LPAREN -> {
                index++;
                SqlExpression inner = or();
                expect(Kind.RPAREN, "')'");
                return inner;
            }
            default -> throw unexpected(token, "a property, a literal or '('");
        }
    }

    private String string() {
        return expect(Kind.STRING, "a string literal").text();
    }

    /** RocketMQ's {@code createEqual}: no NULL literal on either side, no {@code TRUE = 'x'} literal pairs. */
    private static SqlExpression equal(SqlExpression left, SqlExpression right) {
        for (SqlExpression side : List.of(left, right)) {
            if (side instanceof Constant c && c.value() == null) {
                throw new SqlSyntaxException("NULL cannot be compared with '=' or '<>'; use IS NULL or IS NOT NULL");
            }
        }
        if (left instanceof Constant && right instanceof Constant && left.isBoolean() && !right.isBoolean()) {
            throw new SqlSyntaxException("'" + left + "' cannot be compared with '" + right + "'");
        }
        return new SqlExpression.Equal(left, right);
    }

    /** RocketMQ's {@code checkLessThanOperand}: literals must be numbers, and conditions cannot be ordered. */
    private static SqlExpression compare(Compare.Operator operator, SqlExpression left, SqlExpression right) {
        for (SqlExpression side : List.of(left, right)) {
            if (side instanceof Constant c ? !(c.value() instanceof Number) : side.isBoolean()) {
                throw new SqlSyntaxException("value " + side + " cannot be compared with '>', '>=', '<', '<=' or "
                        + "BETWEEN; only numbers and properties can");
            }
        }
        return new Compare(operator, left, right);
    }

    /** RocketMQ's {@code asBooleanExpression}: conditions pass, a bare property becomes one, anything else fails. */
    private static SqlExpression asCondition(SqlExpression expression) {
        if (expression.isBoolean()) {
            return expression;
        }
        if (expression instanceof SqlExpression.Property) {
            return new SqlExpression.BooleanCast(expression);
        }
        throw new SqlSyntaxException("expression " + expression + " is not a condition (it does not result in a "
                + "boolean value)");
    }

    private SqlExpression advanceThen(Supplier<SqlExpression> rule) {
        index++;
        return rule.get();
    }

    private SqlToken peek() {
        return tokens.get(index);
    }

    private boolean accept(Kind kind) {
        if (tokens.get(index).kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private SqlToken expect(Kind kind, String expected) {
        SqlToken token = tokens.get(index);
        if (token.kind() != kind) {
            throw unexpected(token, expected);
        }
        index++;
        return token;
    }

    private static SqlSyntaxException unexpected(SqlToken token, String expected) {
        return new SqlSyntaxException("expected " + expected + " but found " + token.describe(), token.column());
    }
}
