package io.nimbusmq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming JSON header reader, checked against the tree-based reader it replaced. */
class JsonHeaderCodecTests {

    private static final String NOISE = "{}[]\":,0-1 an\\";

    private static RemotingCommand read(String json) {
        return JsonHeaderCodec.read(Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void skipsUnknownFieldsWithNestedObjectsAndArrays() {
        RemotingCommand command = read("{\"a\":{\"b\":{\"code\":9},\"c\":[{\"opaque\":1},[2,3]]},\"code\":30,"
                + "\"z\":[{\"extFields\":{\"x\":\"y\"}}],\"opaque\":5}");

        assertThat(command.code()).isEqualTo(30);
        assertThat(command.opaque()).isEqualTo(5);
        assertThat(command.extFields()).isEmpty();
    }

    @Test
    void readsIntsWrittenAsStringsWithSpaces() {
        RemotingCommand command = read("{\"code\":\" 310 \",\"flag\":\"2\",\"version\":\"475\",\"opaque\":\"-1\"}");

        assertThat(command.code()).isEqualTo(310);
        assertThat(command.flag()).isEqualTo(2);
        assertThat(command.version()).isEqualTo(475);
        assertThat(command.opaque()).isEqualTo(-1);
    }

    @Test
    void laterExtFieldsReplaceEarlierOnesAndLaterNullsRemoveKeys() {
        RemotingCommand command = read("{\"extFields\":{\"old\":\"1\"},\"extFields\":{\"a\":\"1\",\"a\":null,"
                + "\"b\":\"2\",\"b\":\"3\"}}");

        assertThat(command.extFields()).containsOnly(Map.entry("b", "3"));
        assertThat(read("{\"extFields\":{\"a\":\"1\"},\"extFields\":null}").extFields()).isEmpty();
    }

    @Test
    void turnsOddExtValuesIntoTheirText() {
        RemotingCommand command = read("{\"extFields\":{\"f\":1.5,\"big\":123456789012345678901234567890,"
                + "\"obj\":{\"k\":[1,\"v\"]},\"arr\":[true,null],\"neg\":-0}}");

        assertThat(command.extFields()).containsOnly(Map.entry("f", "1.5"),
                Map.entry("big", "123456789012345678901234567890"), Map.entry("obj", "{\"k\":[1,\"v\"]}"),
                Map.entry("arr", "[true,null]"), Map.entry("neg", "0"));
    }

    @Test
    void missingVersionReadsAsZeroAndNullsAsDefaults() {
        RemotingCommand command = read("{\"code\":null,\"language\":null,\"remark\":null,\"extFields\":null}");

        assertThat(command.version()).isZero();
        assertThat(command.code()).isZero();
        assertThat(command.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(command.remark()).isNull();
    }

    @Test
    void rejectsIntsOutOfRangeAndTrailingContentWithClearErrors() {
        assertThatThrownBy(() -> read("{\"code\":2147483648}"))
                .isInstanceOf(RemotingProtocolException.class)
                .hasMessage("JSON header field 'code' is not an int: 2147483648");
        assertThatThrownBy(() -> read("{\"opaque\":{\"x\":1}}"))
                .isInstanceOf(RemotingProtocolException.class)
                .hasMessage("JSON header field 'opaque' is not an int: {\"x\":1}");
        assertThatThrownBy(() -> read("{} {}"))
                .isInstanceOf(RemotingProtocolException.class)
                .hasMessageContaining("broken JSON header");
        assertThatThrownBy(() -> read("null"))
                .isInstanceOf(RemotingProtocolException.class)
                .hasMessage("JSON header must be an object, found NULL");
        assertThatThrownBy(() -> read("  "))
                .isInstanceOf(RemotingProtocolException.class)
                .hasMessage("JSON header must be an object, found nothing");
    }

    static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of(
                "{\"code\":310,\"extFields\":{\"a\":\"g\",\"b\":\"T\",\"i\":\"UNIQ_KEY\\u0001X\\u0002\",\"k\":\"false\"},"
                        + "\"flag\":0,\"language\":\"JAVA\",\"opaque\":12,\"serializeTypeCurrentRPC\":\"JSON\","
                        + "\"version\":475}",
                "{}", "null", "[]", "[1,2", "\"s\"", "1", "true", "", " ", "{\"code\":1,\"code\":\"2\"}",
                "{\"language\":3}", "{\"language\":\"GO\"}", "{\"language\":9999999999}", "{\"language\":1.5}",
                "{\"language\":{}}", "{\"remark\":5}", "{\"remark\":{\"a\":1}}", "{\"remark\":[1]}",
                "{\"remark\":true}", "{\"remark\":\"r\",\"remark\":null}", "{\"flag\":-3}", "{\"flag\":\"x\"}",
                "{\"flag\":1e2}", "{\"flag\":true}", "{\"flag\":[]}", "{\"version\":9223372036854775807}",
                "{\"extFields\":\"x\"}", "{\"extFields\":1}", "{\"extFields\":[]}", "{\"extFields\":{\"a\":{}}}",
                "{\"extFields\":{\"a\":1e3,\"b\":-7,\"c\":false}}", "{\"extFields\":{\"a\":\"1\"}} x",
                "{\"code\":1}}", "{\"code\":01}", "{code:1}", "{\"code\":1,}", "{\"e\":\"\\uD83D\\uDE00\"}"));
        Random random = new Random(20261121);
        String base = headers.get(0);
        for (int i = 0; i < 400; i++) {
            StringBuilder mutated = new StringBuilder(base);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && mutated.length() > 0; e++) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.deleteCharAt(at);
                    case 1 -> mutated.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    default -> mutated.setLength(at);
                }
            }
            headers.add(mutated.toString());
        }
        return headers;
    }

    @ParameterizedTest
    @MethodSource("headers")
    void agreesWithTheTreeBasedReader(String header) {
        RemotingCommand expected;
        try {
            expected = TreeReader.read(header);
        } catch (RemotingProtocolException e) {
            assertThatThrownBy(() -> read(header))
                    .isInstanceOf(RemotingProtocolException.class)
                    .hasMessageContaining("JSON header");
            return;
        }
        RemotingCommand actual = read(header);
        assertThat(actual.code()).isEqualTo(expected.code());
        assertThat(actual.language()).isEqualTo(expected.language());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.opaque()).isEqualTo(expected.opaque());
        assertThat(actual.flag()).isEqualTo(expected.flag());
        assertThat(actual.remark()).isEqualTo(expected.remark());
        assertThat(actual.extFields()).isEqualTo(expected.extFields());
    }

    /** The tree-based reader JsonHeaderCodec used before it streamed, kept as the reference. */
    private static final class TreeReader {

        private static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

        static RemotingCommand read(String header) {
            JsonNode root;
            try {
                root = MAPPER.readTree(header.getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new RemotingProtocolException("broken JSON header", e);
            } catch (java.io.IOException e) {
                throw new RemotingProtocolException("unreadable JSON header", e);
            }
            if (root == null || !root.isObject()) {
                throw new RemotingProtocolException("JSON header must be an object");
            }
            RemotingCommand command = new RemotingCommand();
            command.setCode(intField(root, "code"));
            command.setLanguage(language(root.get("language")));
            command.setVersion(intField(root, "version"));
            command.setOpaque(intField(root, "opaque"));
            command.setFlag(intField(root, "flag"));
            command.setRemark(text(root.get("remark")));
            JsonNode ext = root.get("extFields");
            if (ext != null && !ext.isNull()) {
                if (!ext.isObject()) {
                    throw new RemotingProtocolException("JSON header field 'extFields' must be an object");
                }
                ext.properties().forEach(field -> command.putExtField(field.getKey(), text(field.getValue())));
            }
            return command;
        }

        private static int intField(JsonNode root, String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return 0;
            }
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.isTextual()) {
                try {
                    return Integer.parseInt(node.textValue().trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new RemotingProtocolException("JSON header field '" + name + "' is not an int");
        }

        private static LanguageCode language(JsonNode node) {
            if (node == null || node.isNull()) {
                return LanguageCode.JAVA;
            }
            if (node.isTextual()) {
                return LanguageCode.fromName(node.textValue());
            }
            if (node.isIntegralNumber()) {
                return LanguageCode.fromCode(node.intValue());
            }
            throw new RemotingProtocolException("JSON header field 'language' is neither a name nor a code");
        }

        private static String text(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }
    }
}
