package io.nimbusmq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON mapper for remoting bodies, configured to write what fastjson 1.2.83 writes for RocketMQ's body classes
 * and to read what fastjson accepts (remoting-protocol.md §6).
 *
 * <p>Writing: properties and map keys in alphabetical order, {@code null} properties and map values left out,
 * UTF-8. Three flavours:
 * <ul>
 *   <li>{@link #encode(Object)}: numeric map keys quoted ({@code {"0":"127.0.0.1:10911"}}), which fastjson reads
 *       back as numbers; the default for bodies we send;</li>
 *   <li>{@link #encodeWithUnquotedNumericKeys(Object)}: fastjson's default output, numeric keys unquoted
 *       ({@code {0:"127.0.0.1:10911"}}); used for ClusterInfo and for routes asked for by clients older than
 *       V4_9_4;</li>
 *   <li>{@link #encodeBrowserCompatible(Object)}: quoted keys and non-ASCII characters as {@code \}{@code uXXXX},
 *       fastjson's {@code BrowserCompatible}; used for routes asked for by V4_9_4+ clients.</li>
 * </ul>
 * Only maps whose serializer is {@link NumericKeyMapSerializer} (e.g. {@link BrokerData#brokerAddrs()}) are affected by
 * the quoting choice.
 *
 * <p>Reading is lenient like fastjson: unknown properties are ignored, missing ones default (0, false, empty),
 * field names may be unquoted, strings may use single quotes, numbers may arrive as strings.
 *
 * <p>Thread-safe; the mapper is shared and must not be reconfigured.
 */
public final class RemotingJson {

    /** Writer attribute read by {@link NumericKeyMapSerializer}: write numeric keys without quotes. */
    static final String UNQUOTED_NUMERIC_KEYS = "io.nimbusmq.unquotedNumericKeys";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .addMixIn(TopicConfig.class, TopicConfigJsonMixin.class)
            .build();

    private static final ObjectWriter QUOTED = MAPPER.writer();
    private static final ObjectWriter UNQUOTED_NUMERIC = MAPPER.writer()
            .withAttribute(UNQUOTED_NUMERIC_KEYS, Boolean.TRUE);
    private static final ObjectWriter BROWSER_COMPATIBLE = MAPPER.writer()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private RemotingJson() {
    }

    /** The shared mapper, for callers that need a tree ({@code readTree}) or a custom type reference. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** UTF-8 JSON of {@code body} with numeric map keys quoted. */
    public static byte[] encode(Object body) {
        return write(QUOTED, body);
    }

    /** UTF-8 JSON of {@code body} exactly as fastjson writes it by default: numeric map keys unquoted. */
    public static byte[] encodeWithUnquotedNumericKeys(Object body) {
        return write(UNQUOTED_NUMERIC, body);
    }

    /** ASCII JSON of {@code body} as fastjson's BrowserCompatible writes it: quoted keys, non-ASCII escaped. */
    public static byte[] encodeBrowserCompatible(Object body) {
        return write(BROWSER_COMPATIBLE, body);
    }

    /** {@link #encode(Object)} as a string, for logs and tests. */
    public static String toJson(Object body) {
        return new String(encode(body), StandardCharsets.UTF_8);
    }

    /**
     * Reads a body.
     *
     * @throws InvalidBodyException when {@code json} is null, empty, JSON {@code null} or not a readable {@code type}
     */
    public static <T> T decode(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new InvalidBodyException("missing " + type.getSimpleName() + " body", null);
        }
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidBodyException("cannot read " + type.getSimpleName() + " body: "
                    + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidBodyException("cannot read " + type.getSimpleName() + " body: " + e, e);
        }
        if (value == null) {
            throw new InvalidBodyException("cannot read " + type.getSimpleName() + " body: it is JSON null", null);
        }
        return value;
    }

    /** {@link #decode(byte[], Class)} of a string. */
    public static <T> T decode(String json, Class<T> type) {
        return decode(json == null ? null : json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static byte[] write(ObjectWriter writer, Object body) {
        try {
            return writer.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
