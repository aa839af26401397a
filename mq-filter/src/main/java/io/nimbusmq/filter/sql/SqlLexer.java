package io.nimbusmq.filter.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a selector into {@link SqlToken}s the way RocketMQ's JavaCC grammar ({@code SelectorParser.jj}) does:
 * longest match first, keywords before identifiers.
 *
 * <ul>
 *   <li>Blanks: space, tab, CR, LF, form feed. Comments: {@code -- ...} up to a line break or the end, and
 *       {@code /* ... *}{@code /}.</li>
 *   <li>Identifiers: {@code [A-Za-z_$][A-Za-z0-9_$]*}; a word that spells a keyword (any case) is that keyword.</li>
 *   <li>Decimals: {@code 0}, or {@code [1-9][0-9]*} optionally suffixed {@code L}; a leading zero ends the number, so
 *       {@code 012} is {@code 0} followed by {@code 12}. There are no hexadecimal or octal literals.</li>
 *   <li>Floats: {@code 5.5}, {@code 5.}, {@code .5}, {@code 5E10}, {@code 5.5e-3}.</li>
 *   <li>Strings: single quotes, a quote inside written twice ({@code 'it''s'}).</li>
 *   <li>Symbols: {@code = <> > >= < <= ( ) , + -}.</li>
 * </ul>
 */
final class SqlLexer {

    private final String source;
    private int position;

    private SqlLexer(String source) {
        this.source = source;
    }

    /** The tokens of {@code source}, ending with one {@link SqlToken.Kind#END}. */
    static List<SqlToken> tokenize(String source) {
        SqlLexer lexer = new SqlLexer(source);
        List<SqlToken> tokens = new ArrayList<>();
        SqlToken token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != SqlToken.Kind.END);
        return tokens;
    }

    private SqlToken next() {
        skipBlanksAndComments();
        if (position >= source.length()) {
            return new SqlToken(SqlToken.Kind.END, "", position + 1);
        }
        int start = position;
        char c = source.charAt(position);
        if (isWordStart(c)) {
            while (position < source.length() && isWordPart(source.charAt(position))) {
                position++;
            }
            String word = source.substring(start, position);
            return new SqlToken(SqlToken.wordKind(word), word, start + 1);
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            return number(start);
        }
        if (c == '\'') {
            return string(start);
        }
        return symbol(start, c);
    }

    private void skipBlanksAndComments() {
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                position++;
            } else if (c == '-' && peek(1) == '-') {
                int lineBreak = lineBreakAfter(position);
                position = lineBreak < 0 ? source.length()
                        : lineBreak + (source.startsWith("\r\n", lineBreak) ? 2 : 1);
            } else if (c == '/' && peek(1) == '*') {
                int end = source.indexOf("*/", position + 2);
                if (end < 0) {
                    throw new SqlSyntaxException("unterminated comment '/*'", position + 1);
                }
                position = end + 2;
            } else {
                return;
            }
        }
    }

    private int lineBreakAfter(int from) {
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private SqlToken number(int start) {
        while (isDigit(peek(0))) {
            position++;
        }
        boolean isFloat = false;
        if (peek(0) == '.') {
            isFloat = true;
            position++;
            while (isDigit(peek(0))) {
                position++;
            }
        }
        isFloat |= skipExponent();
        if (isFloat) {
            return new SqlToken(SqlToken.Kind.FLOAT, source.substring(start, position), start + 1);
        }
        if (source.charAt(start) == '0') {
            // DECIMAL_LITERAL is "0" | [1-9][0-9]*[lL]?: a leading zero is a number of its own, without suffix
            position = start + 1;
        } else if (peek(0) == 'l' || peek(0) == 'L') {
            position++;
        }
        return new SqlToken(SqlToken.Kind.DECIMAL, source.substring(start, position), start + 1);
    }

    private boolean skipExponent() {
        if (peek(0) != 'e' && peek(0) != 'E') {
            return false;
        }
        int digits = peek(1) == '+' || peek(1) == '-' ? 2 : 1;
        if (!isDigit(peek(digits))) {
            return false;
        }
        position += digits;
        while (isDigit(peek(0))) {
            position++;
        }
        return true;
    }

    private SqlToken string(int start) {
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            if (position >= source.length()) {
                throw new SqlSyntaxException("unterminated string literal", start + 1);
            }
            char c = source.charAt(position++);
            if (c == '\'') {
                if (peek(0) != '\'') {
                    return new SqlToken(SqlToken.Kind.STRING, value.toString(), start + 1);
                }
                position++;
            }
            value.append(c);
        }
    }

    private SqlToken symbol(int start, char c) {
        SqlToken.Kind kind = switch (c) {
            case '=' -> SqlToken.Kind.EQ;
            case '<' -> peek(1) == '>' ? SqlToken.Kind.NE : peek(1) == '=' ? SqlToken.Kind.LE : SqlToken.Kind.LT;
            case '>' -> peek(1) == '=' ? SqlToken.Kind.GE : SqlToken.Kind.GT;
            case '(' -> SqlToken.Kind.LPAREN;
            case ')' -> SqlToken.Kind.RPAREN;
            case ',' -> SqlToken.Kind.COMMA;
            case '+' -> SqlToken.Kind.PLUS;
            case '-' -> SqlToken.Kind.MINUS;
            default -> throw new SqlSyntaxException("unexpected character '" + c + "'", start + 1);
        };
        position += kind == SqlToken.Kind.NE || kind == SqlToken.Kind.LE || kind == SqlToken.Kind.GE ? 2 : 1;
        return new SqlToken(kind, source.substring(start, position), start + 1);
    }

    private char peek(int ahead) {
        int at = position + ahead;
        return at < source.length() ? source.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
