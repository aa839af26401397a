package io.nimbusmq.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicValidatorTests {

    /** The regex validate() used before its char loop; the reference for equivalence. */
    private static final Pattern OLD_LEGAL = Pattern.compile("^[%|a-zA-Z0-9_-]+$");
    private static final String ILLEGAL = "The specified topic[%s] contains illegal characters, allowing only "
            + "^[%%|a-zA-Z0-9_-]+$";

    /** What validate() answered with the regex. */
    private static String oldValidate(String topic) {
        if (topic == null || topic.isBlank()) {
            return "The specified topic is blank.";
        }
        if (topic.length() > TopicValidator.TOPIC_MAX_LENGTH) {
            return "The specified topic is longer than topic max length 127.";
        }
        return OLD_LEGAL.matcher(topic).matches() ? null : String.format(ILLEGAL, topic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TopicTest", "%RETRY%group", "%DLQ%g", "a|b", "A-Z_0-9", "x"})
    void acceptsLegalNames(String topic) {
        assertThat(TopicValidator.validate(topic)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a.b", "topic\n", "\ntopic", "t\u00e9", "a/b", "a:b", "a$", "^a", "a\u0000"})
    void rejectsIllegalCharactersWithTheSameMessage(String topic) {
        assertThat(TopicValidator.validate(topic)).isEqualTo(String.format(ILLEGAL, topic));
    }

    @Test
    void rejectsBlankAndTooLongNames() {
        assertThat(TopicValidator.validate(null)).isEqualTo("The specified topic is blank.");
        assertThat(TopicValidator.validate(" \t")).isEqualTo("The specified topic is blank.");
        assertThat(TopicValidator.validate("a".repeat(127))).isNull();
        assertThat(TopicValidator.validate("a".repeat(128)))
                .isEqualTo("The specified topic is longer than topic max length 127.");
    }

    @Test
    void agreesWithTheOldRegexOnRandomStrings() {
        Random random = new Random(6);
        String alphabet = "%|_-azAZ09 .\n\r\t/\\:$^[]{}+*?\u00e9\u0130\u212a\uD83D\uDE00\u0000\u007f";
        int rejected = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder topic = new StringBuilder();
            int length = random.nextInt(i % 100 == 0 ? 140 : 8);
            for (int c = 0; c < length; c++) {
                topic.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = oldValidate(topic.toString());
            assertThat(TopicValidator.validate(topic.toString())).as("topic %s", topic).isEqualTo(expected);
            if (expected != null && expected.contains("illegal")) {
                rejected++;
            }
        }
        assertThat(rejected).as("the random strings exercise both outcomes").isBetween(1_000, 49_000);
    }
}
