package io.nimbusmq.spring.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a numeric header is written as a message property, so that the SQL92 comparison a user writes matches it.
 *
 * <p>The typing rule (RocketMQ's, and our broker's): properties are strings, and a property compared with a number is
 * converted to the <em>literal's</em> type. A literal without a decimal point is an integer, so {@code amount > 100}
 * converts the property with {@code Integer.valueOf} (or {@code Long.valueOf} for literals past 2^31): {@code "250"}
 * matches, {@code "250.00"} and {@code "250.5"} never do, nor does a long past 2^31 against an int literal. A literal
 * with a decimal point ({@code amount > 100.0}) converts with {@code Double.valueOf}, which reads every number.
 *
 * <p>So numbers are written in their plainest form: integers as digits, and decimals ({@code BigDecimal},
 * {@code Double}, {@code Float}) with an integral value as digits too ({@code 250.00} and {@code 250.0} become
 * {@code "250"}), so that both {@code amount > 100} and {@code amount > 100.0} match them. A value that is not an
 * int ({@code 250.5}, or past 2^31) can only be compared with a literal of its kind: that is logged once per header
 * name, at WARN, naming the comparison to write.
 */
public final class NumericHeaders {

    private static final Logger log = LoggerFactory.getLogger(NumericHeaders.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private NumericHeaders() {
    }

    /** The property text of {@code value} under header {@code name}. */
    public static String toProperty(String name, Number value) {
        BigDecimal decimal = decimal(value);
        if (decimal == null) {
            return value.toString();
        }
        BigDecimal plain = decimal.stripTrailingZeros();
        boolean integral = plain.scale() <= 0;
        String text = integral ? plain.toBigInteger().toString() : plain.toPlainString();
        if (!integral || plain.compareTo(INT_MIN) < 0 || plain.compareTo(INT_MAX) > 0) {
            warnOnce(name, text, integral);
        }
        return text;
    }

    private static BigDecimal decimal(Number value) {
        if (value instanceof BigDecimal big) {
            return big;
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(value.longValue());
        }
        return null;
    }

    private static void warnOnce(String name, String text, boolean integral) {
        if (WARNED.add(name)) {
            log.warn("Header '{}' carries {}{}: a SQL92 selector comparing it with an integer literal ({} > 100) "
                    + "never matches it, on RocketMQ as on Nimbus MQ, because the property is converted to the "
                    + "literal's type; write a decimal literal ({} > 100.0). Logged once per header.", name, text,
                    integral ? ", past the int range" : "", name, name);
        }
    }
}
