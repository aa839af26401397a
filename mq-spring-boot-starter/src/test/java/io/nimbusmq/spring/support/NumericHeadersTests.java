package io.nimbusmq.spring.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nimbusmq.filter.sql.SqlSelector;

/** Numeric headers are written so that the comparison a user writes matches them, by RocketMQ's typing rule. */
class NumericHeadersTests {

    private static final SqlSelector INTEGER_LITERAL = SqlSelector.compile("amount > 100");
    private static final SqlSelector DECIMAL_LITERAL = SqlSelector.compile("amount > 100.0");

    @Test
    void integralDecimalsAreWrittenAsDigits() {
        assertThat(NumericHeaders.toProperty("amount", new BigDecimal("250.00"))).isEqualTo("250");
        assertThat(NumericHeaders.toProperty("amount", new BigDecimal("2.5E+2"))).isEqualTo("250");
        assertThat(NumericHeaders.toProperty("amount", 250.0)).isEqualTo("250");
        assertThat(NumericHeaders.toProperty("amount", 250.0f)).isEqualTo("250");
        assertThat(NumericHeaders.toProperty("amount", 250L)).isEqualTo("250");
        assertThat(NumericHeaders.toProperty("amount", BigInteger.TEN)).isEqualTo("10");
        assertThat(NumericHeaders.toProperty("amount", new BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(NumericHeaders.toProperty("amount", 0.1)).isEqualTo("0.1");
    }

    @Test
    void whatIsWrittenMatchesTheComparisonsAUserWrites() {
        String written = NumericHeaders.toProperty("amount", new BigDecimal("250.00"));
        assertThat(INTEGER_LITERAL.matches(Map.of("amount", written))).isTrue();
        assertThat(DECIMAL_LITERAL.matches(Map.of("amount", written))).isTrue();
        // what toString() wrote before: RocketMQ's Integer.valueOf("250.00") fails, so nothing matched
        assertThat(INTEGER_LITERAL.matches(Map.of("amount", new BigDecimal("250.00").toString()))).isFalse();
    }

    @Test
    void aFractionalValueMatchesOnlyADecimalLiteral() {
        String written = NumericHeaders.toProperty("price", new BigDecimal("250.5"));
        assertThat(INTEGER_LITERAL.matches(Map.of("amount", written))).isFalse();
        assertThat(DECIMAL_LITERAL.matches(Map.of("amount", written))).isTrue();
    }
}
