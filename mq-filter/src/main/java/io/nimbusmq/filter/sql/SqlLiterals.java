package io.nimbusmq.filter.sql;

/**
 * Numeric literals as RocketMQ's {@code ConstantExpression} reads them: a decimal is an {@code Integer} when it fits,
 * else a {@code Long}, and refused beyond; a float is a {@code Double}, refused when infinite or not above
 * {@link Double#MIN_VALUE}, which refuses {@code 0.0} too (an oddity of RocketMQ kept for compatibility).
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    static Number decimal(SqlToken token) {
        String text = token.text();
        if (text.endsWith("l") || text.endsWith("L")) {
            text = text.substring(0, text.length() - 1);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new SqlSyntaxException("decimal " + token.text() + " is out of the long range", token.column());
        }
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Number) (int) value : (Number) value;
    }

    static Double floating(SqlToken token) {
        double value = Double.parseDouble(token.text());
        if (value > Double.MAX_VALUE) {
            throw new SqlSyntaxException("float " + token.text() + " is greater than " + Double.MAX_VALUE,
                    token.column());
        }
        if (value < Double.MIN_VALUE) {
            throw new SqlSyntaxException("float " + token.text() + " is less than " + Double.MIN_VALUE
                    + " (RocketMQ refuses 0.0; write 0)", token.column());
        }
        return value;
    }
}
