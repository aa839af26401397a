package io.nimbusmq.filter.sql;

/**
 * A SQL92 selector that does not compile: a lexical or grammatical error, or an operand RocketMQ refuses when it
 * builds the expression (a string compared with {@code >}, {@code = NULL}, {@code BETWEEN 5 AND 1}, ...). The
 * message names what is wrong and, for lexical and grammatical errors, the 1-based column where it was found.
 */
public final class SqlSyntaxException extends RuntimeException {

    private final int column;

    SqlSyntaxException(String message, int column) {
        super(column > 0 ? message + " at column " + column : message);
        this.column = column;
    }

    SqlSyntaxException(String message) {
        this(message, 0);
    }

    /** The 1-based column of the offending character or token, or 0 when the error is about a whole operand. */
    public int column() {
        return column;
    }
}
