package io.nimbusmq.remoting.protocol.body;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The body of the configuration requests: GET_BROKER_CONFIG (26) and UPDATE_BROKER_CONFIG (25), GET_NAMESRV_CONFIG
 * (319) and UPDATE_NAMESRV_CONFIG (318). Java properties text in UTF-8, one {@code key=value} per line, as RocketMQ's
 * {@code MixAll.properties2String} writes it and {@code MixAll.string2Properties} ({@link Properties#load}) reads it.
 */
public final class ConfigProperties {

    private ConfigProperties() {
    }

    /** {@code key=value} lines in the map's order. Values are written as they are (RocketMQ does not escape). */
    public static byte[] encode(Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(value == null ? "" : value)
                .append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The properties of a body, in no particular order.
     *
     * @throws IllegalArgumentException when the body is missing or not properties text
     */
    public static Map<String, String> decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("missing properties body");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read properties body: " + e.getMessage(), e);
        }
        Map<String, String> decoded = new LinkedHashMap<>();
        properties.forEach((k, v) -> decoded.put(String.valueOf(k), String.valueOf(v)));
        return decoded;
    }
}
