package io.nimbusmq.filter.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The selector's grammar and semantics, one expectation per line: every operator, precedence, three-valued logic
 * with missing properties, how property strings are converted for comparison, and refused expressions with their
 * messages. {@link SqlSelectorReferenceTests} checks the same ground against RocketMQ's implementation.
 */
class SqlSelectorTests {

    /** The message the expressions are evaluated against; {@code missing} and {@code other} are not set. */
    private static final Map<String, String> MESSAGE = Map.of("TAGS", "TagA", "KEYS", "order-1 order-2",
            "region", "eu", "amount", "42", "price", "9.5", "big", "3000000000", "flag", "true", "word", "abc",
            "quote", "it's", "empty", "");

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            region = 'eu'                                     | TRUE
            region = 'us'                                     | FALSE
            region <> 'us'                                    | TRUE
            missing = 'x'                                     | UNKNOWN
            missing <> 'x'                                    | UNKNOWN
            missing = other                                   | TRUE
            quote = 'it''s'                                   | TRUE
            empty = ''                                        | TRUE
            TAGS = 'TagA'                                     | TRUE
            amount = 42                                       | TRUE
            amount = 42.0                                     | TRUE
            amount = 42L                                      | TRUE
            amount > 41                                       | TRUE
            amount >= 42                                      | TRUE
            amount < 42                                       | FALSE
            amount <= 42                                      | TRUE
            amount > 41.5                                     | TRUE
            amount > price                                    | TRUE
            price = 95e-1                                     | TRUE
            price > 9.0                                       | TRUE
            big > 2147483648                                  | TRUE
            amount > -1                                       | TRUE
            amount > - -41                                    | TRUE
            -amount < 0                                       | UNKNOWN
            missing > 5                                       | UNKNOWN
            flag = TRUE                                       | TRUE
            region = TRUE                                     | FALSE
            amount BETWEEN 40 AND 50                          | TRUE
            amount BETWEEN 43 AND 50                          | FALSE
            amount NOT BETWEEN 40 AND 50                      | FALSE
            amount NOT BETWEEN 43 AND 50                      | TRUE
            missing BETWEEN 1 AND 2                           | UNKNOWN
            missing NOT BETWEEN 1 AND 2                       | UNKNOWN
            region IN ('eu', 'us')                            | TRUE
            region IN ('us')                                  | FALSE
            region NOT IN ('us')                              | TRUE
            region NOT IN ('eu', 'us')                        | FALSE
            missing IN ('x')                                  | UNKNOWN
            missing NOT IN ('x')                              | UNKNOWN
            missing IS NULL                                   | TRUE
            region IS NULL                                    | FALSE
            region IS NOT NULL                                | TRUE
            missing IS NOT NULL                               | FALSE
            empty IS NULL                                     | FALSE
            KEYS CONTAINS 'der'                               | TRUE
            KEYS CONTAINS 'x'                                 | FALSE
            KEYS NOT CONTAINS 'x'                             | TRUE
            KEYS NOT CONTAINS 'der'                           | FALSE
            missing CONTAINS 'x'                              | FALSE
            missing NOT CONTAINS 'x'                          | FALSE
            NOT (missing CONTAINS 'x')                        | TRUE
            KEYS CONTAINS ''                                  | FALSE
            KEYS NOT CONTAINS ''                              | FALSE
            KEYS STARTSWITH 'order'                           | TRUE
            KEYS STARTSWITH 'x'                               | FALSE
            KEYS NOT STARTSWITH 'order'                       | FALSE
            missing NOT STARTSWITH 'x'                        | FALSE
            KEYS ENDSWITH '-2'                                | TRUE
            KEYS NOT ENDSWITH '-2'                            | FALSE
            KEYS NOT ENDSWITH 'x'                             | TRUE
            TRUE                                              | TRUE
            FALSE                                             | FALSE
            NULL                                              | UNKNOWN
            NOT TRUE                                          | FALSE
            NOT NULL                                          | UNKNOWN
            TRUE OR NULL                                      | TRUE
            FALSE OR NULL                                     | UNKNOWN
            FALSE AND NULL                                    | FALSE
            TRUE AND NULL                                     | UNKNOWN
            missing > 5 OR region = 'eu'                      | TRUE
            missing > 5 AND region = 'eu'                     | UNKNOWN
            missing > 5 AND region = 'us'                     | FALSE
            NOT (missing > 5)                                 | UNKNOWN
            region = 'us' OR region = 'eu' AND amount = 1     | FALSE
            (region = 'us' OR region = 'eu') AND amount = 42  | TRUE
            NOT (region = 'eu')                               | FALSE
            NOT NOT (region = 'eu')                           | TRUE
            NOT missing = 'eu'                                | UNKNOWN
            flag                                              | FALSE
            missing                                           | UNKNOWN
            NOT flag                                          | TRUE
            region in ('eu') and amount between 40 and 50     | TRUE
            Region = 'eu'                                     | UNKNOWN
            region = 'eu' /* comment */ AND amount = 42       | TRUE
            region = 'eu' -- a comment to the end             | TRUE
            1 = 1.0                                           | TRUE
            1 = TRUE                                          | FALSE
            """)
    void evaluates(String expression, String expected) {
        assertThat(outcome(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] fails for this message")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            word = 5                  | 'abc' is not a valid int
            price > 9                 | '9.5' is not a valid int
            big > 5                   | '3000000000' is not a valid int
            word > price              | 'abc' is not a valid number
            NOT region = 'eu'         | cannot compare boolean true with string 'eu'
            word = 5 AND amount = 1   | 'abc' is not a valid int
            (amount > 5) = 'x'        | cannot compare boolean true with string 'x'
            """)
    void failsToEvaluateWhenAValueDoesNotConvert(String expression, String message) {
        SqlSelector selector = SqlSelector.compile(expression);
        assertThatThrownBy(() -> selector.evaluate(MESSAGE::get)).isInstanceOf(SqlEvaluationException.class)
                .hasMessage(message);
        assertThat(selector.matches(MESSAGE)).as("a failed evaluation selects nothing").isFalse();
    }

    @Test
    void andAndOrDoNotEvaluateTheirRightSideWhenTheLeftDecides() {
        assertThat(outcome("amount = 1 AND word = 5")).isEqualTo("FALSE");
        assertThat(outcome("region = 'eu' OR word = 5")).isEqualTo("TRUE");
        assertThat(outcome("region = 'eu' OR amount = 1 AND word = 5")).isEqualTo("TRUE");
    }

    @Test
    void notBindsTighterThanComparisonsAsInRocketMq() {
        assertThat(SqlSelector.compile("NOT a = 'x'").explain()).isEqualTo("((NOT a) = 'x')");
        assertThat(SqlSelector.compile("NOT (a = 'x')").explain()).isEqualTo("(NOT (a = 'x'))");
    }

    @Test
    void andBindsTighterThanOrAndComparisonsTighterThanBoth() {
        assertThat(SqlSelector.compile("a = 1 OR b > 2 AND c IS NULL").explain())
                .isEqualTo("((a = 1) OR ((b > 2) AND (c = NULL)))");
        assertThat(SqlSelector.compile("a BETWEEN 1 AND 2 AND b NOT IN ('x')").explain())
                .isEqualTo("(((a >= 1) AND (a <= 2)) AND (b NOT IN [x]))");
        assertThat(SqlSelector.compile("a <> 1").explain()).isEqualTo("(NOT (a = 1))");
        assertThat(SqlSelector.compile("a NOT BETWEEN 1 AND 2").explain()).isEqualTo("((a < 1) OR (a > 2))");
    }

    @Test
    void decimalsAreIntegersWhenTheyFitElseLongs() {
        assertThat(SqlSelector.compile("a = 2147483647").explain()).isEqualTo("(a = 2147483647)");
        assertThat(outcome("big = 3000000000")).isEqualTo("TRUE");
        assertThat(outcome("big > 2147483648L")).isEqualTo("TRUE");
    }

    @Test
    void matchesOnlyTrue() {
        assertThat(SqlSelector.compile("region = 'eu'").matches(MESSAGE)).isTrue();
        assertThat(SqlSelector.compile("region = 'us'").matches(MESSAGE)).isFalse();
        assertThat(SqlSelector.compile("missing = 'x'").matches(MESSAGE)).isFalse();
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                           | the SQL92 expression is empty
            region =                     | expected a property, a literal or '(' but found end of expression at column 9
            region = 'eu                 | unterminated string literal at column 10
            region == 'eu'               | expected a property, a literal or '(' but found '=' at column 9
            region != 'eu'               | unexpected character '!' at column 8
            (region = 'eu'               | expected ')' but found end of expression at column 15
            region = 'eu')               | expected an operator or the end of the expression but found ')' at column 14
            region = 'eu' AND            | expected a property, a literal or '(' but found end of expression
            region IS 'x'                | expected NULL or NOT NULL after IS but found string 'x' at column 11
            region IN ()                 | expected a string literal but found ')' at column 12
            amount IN (1, 2)             | expected a string literal but found '1' at column 12
            region IN ('a'               | expected ',' or ')' in the IN list but found end of expression
            region CONTAINS 5            | expected a string literal but found '5' at column 17
            region NOT = 'x'             | expected CONTAINS, STARTSWITH, ENDSWITH, BETWEEN or IN after NOT but found '='
            region LIKE 'x'              | expected an operator or the end of the expression but found 'LIKE'
            amount BETWEEN 1             | expected AND between the bounds of BETWEEN but found end of expression
            amount = 042                 | expected an operator or the end of the expression but found '42' at column 11
            amount > 0x10                | expected an operator or the end of the expression but found 'x10'
            a.b = 1                      | unexpected character '.' at column 2
            a = 1 /* open                | unterminated comment '/*' at column 7
            region = "eu"                | unexpected character '"' at column 10
            amount > 'x'                 | value 'x' cannot be compared with '>', '>=', '<', '<=' or BETWEEN
            amount > TRUE                | value TRUE cannot be compared
            amount > 5 > 3               | value (amount > 5) cannot be compared
            region = NULL                | NULL cannot be compared with '=' or '<>'; use IS NULL or IS NOT NULL
            NULL <> 1                    | NULL cannot be compared with '=' or '<>'
            TRUE = 'x'                   | 'TRUE' cannot be compared with ''x''
            amount BETWEEN 50 AND 40     | the lower bound of BETWEEN 50 AND 40 must not be greater than the upper bound
            amount BETWEEN NULL AND 5    | the bounds of BETWEEN cannot be NULL
            'eu' IN ('eu')               | IN needs a property on its left, not 'eu'
            5                            | expression 5 is not a condition
            -amount                      | expression (- amount) is not a condition
            region = 'eu' AND 5          | expression 5 is not a condition
            NOT 'x'                      | expression 'x' is not a condition
            amount > 0.0                 | float 0.0 is less than 4.9E-324 (RocketMQ refuses 0.0; write 0)
            amount > 1e999               | float 1e999 is greater than
            amount > 99999999999999999999 | decimal 99999999999999999999 is out of the long range at column 10
            """)
    void refusesWithAClearMessage(String expression, String message) {
        assertThatThrownBy(() -> SqlSelector.compile(expression)).isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aSyntaxErrorKnowsItsColumn() {
        assertThatThrownBy(() -> SqlSelector.compile("a = 1 AND b ! 2")).isInstanceOfSatisfying(
                SqlSyntaxException.class, e -> assertThat(e.column()).isEqualTo(13));
    }

    private static String outcome(String expression) {
        Boolean value = SqlSelector.compile(expression).evaluate(MESSAGE::get);
        return value == null ? "UNKNOWN" : value ? "TRUE" : "FALSE";
    }
}
