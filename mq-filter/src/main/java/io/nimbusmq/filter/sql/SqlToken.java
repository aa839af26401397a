package io.nimbusmq.filter.sql;

import java.util.Locale;
import java.util.Map;

/**
 * One token of a selector.
 *
 * @param kind what it is
 * @param text the source text, except for {@link Kind#STRING}, whose text is the decoded value ({@code ''} → {@code '})
 * @param column 1-based column of its first character
 */
record SqlToken(Kind kind, String text, int column) {

    /** The token kinds of RocketMQ's selector grammar; keywords are case-insensitive. */
    enum Kind {
        NOT, AND, OR, BETWEEN, IN, TRUE, FALSE, NULL, IS, CONTAINS, STARTSWITH, ENDSWITH,
        DECIMAL, FLOAT, STRING, IDENTIFIER,
        EQ, NE, GT, GE, LT, LE, LPAREN, RPAREN, COMMA, PLUS, MINUS,
        END
    }

    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(Map.entry("NOT", Kind.NOT),
            Map.entry("AND", Kind.AND), Map.entry("OR", Kind.OR), Map.entry("BETWEEN", Kind.BETWEEN),
            Map.entry("IN", Kind.IN), Map.entry("TRUE", Kind.TRUE), Map.entry("FALSE", Kind.FALSE),
            Map.entry("NULL", Kind.NULL), Map.entry("IS", Kind.IS), Map.entry("CONTAINS", Kind.CONTAINS),
            Map.entry("STARTSWITH", Kind.STARTSWITH), Map.entry("ENDSWITH", Kind.ENDSWITH));

    /** The keyword a word spells, ignoring case, or {@link Kind#IDENTIFIER}. */
    static Kind wordKind(String word) {
        return KEYWORDS.getOrDefault(word.toUpperCase(Locale.ROOT), Kind.IDENTIFIER);
    }

    /** How error messages quote this token. */
    String describe() {
        return switch (kind) {
            case END -> "end of expression";
            case STRING -> "string '" + text.replace("'", "''") + "'";
            default -> "'" + text + "'";
        };
    }
}
