package io.nimbusmq.filter.sql;

/**
 * How a selector compares two values, following RocketMQ's {@code ComparisonExpression} with string conversion on
 * (its only mode): values are strings (property values and string literals), {@code Integer} or {@code Long}
 * (decimal literals, the narrowest that fits), {@code Double} (float literals) and {@code Boolean}.
 *
 * <ul>
 *   <li>Two values of one type compare naturally ({@code compareTo}).</li>
 *   <li>Numbers of different types widen: Integer → Long → Double.</li>
 *   <li>A string compared with a number is converted to the number's type ({@code Integer.valueOf},
 *       {@code Long.valueOf}, {@code Double.valueOf}); when it does not convert the evaluation fails
 *       ({@link SqlEvaluationException}). A string compared with a boolean on its right becomes
 *       {@code Boolean.valueOf(string)}.</li>
 *   <li>A boolean on the left of a string fails (RocketMQ casts the boolean to a string and throws).</li>
 *   <li>Any other pair of types compares as "less than" ({@code -1}): never equal, {@code <} true, {@code >} false.</li>
 * </ul>
 */
final class SqlValues {

    private SqlValues() {
    }

    /** Compares {@code left} with {@code right}, neither null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object left, Object right) {
        Class<?> lc = left.getClass();
        Class<?> rc = right.getClass();
        Comparable lv = (Comparable) left;
        Comparable rv = (Comparable) right;
        if (lc != rc) {
            if (lc == Boolean.class) {
                if (rc == String.class) {
                    throw new SqlEvaluationException("cannot compare boolean " + left + " with string '" + right
                            + "'");
                }
                return -1;
            } else if (lc == Integer.class) {
                if (rc == Long.class) {
                    lv = ((Integer) left).longValue();
                } else if (rc == Double.class) {
                    lv = ((Integer) left).doubleValue();
                } else if (rc == String.class) {
                    rv = toInteger((String) right);
                } else {
                    return -1;
                }
            } else if (lc == Long.class) {
                if (rc == Integer.class) {
                    rv = ((Integer) right).longValue();
                } else if (rc == Double.class) {
                    lv = ((Long) left).doubleValue();
                } else if (rc == String.class) {
                    rv = toLong((String) right);
                } else {
                    return -1;
                }
            } else if (lc == Double.class) {
                if (rc == Integer.class || rc == Long.class) {
                    rv = ((Number) right).doubleValue();
                } else if (rc == String.class) {
                    rv = toDouble((String) right);
                } else {
                    return -1;
                }
            } else if (lc == String.class) {
                if (rc == Boolean.class) {
                    lv = Boolean.valueOf((String) left);
                } else if (rc == Integer.class) {
                    lv = toInteger((String) left);
                } else if (rc == Long.class) {
                    lv = toLong((String) left);
                } else if (rc == Double.class) {
                    lv = toDouble((String) left);
                } else {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return lv.compareTo(rv);
    }

    /** Whether two values are equal as {@code =} sees them, neither null. */
    static boolean equal(Object left, Object right) {
        return left.equals(right) || compare(left, right) == 0;
    }

    /** The number a string holds, as {@link Double#valueOf(String)} reads it (blanks around it allowed). */
    static Double toDouble(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw notANumber(value, "number");
        }
    }

    private static Integer toInteger(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw notANumber(value, "int");
        }
    }

    private static Long toLong(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw notANumber(value, "long");
        }
    }

    private static SqlEvaluationException notANumber(String value, String type) {
        return new SqlEvaluationException("'" + value + "' is not a valid " + type);
    }
}
