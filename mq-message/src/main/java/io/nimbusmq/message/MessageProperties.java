package io.nimbusmq.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The property string of a message: {@code name \u0001 value \u0002} per entry (remoting-protocol.md §5.2). The
 * names RocketMQ gives a meaning to are in {@link MessageConst}.
 */
public final class MessageProperties {

    public static final char NAME_VALUE_SEPARATOR = '\u0001';
    public static final char PROPERTY_SEPARATOR = '\u0002';


    private MessageProperties() {
    }

    /** Encodes properties in map order, skipping null names and values; the result ends with a separator. */
    public static String encode(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                continue;
            }
            sb.append(e.getKey()).append(NAME_VALUE_SEPARATOR).append(e.getValue()).append(PROPERTY_SEPARATOR);
        }
        return sb.toString();
    }

    /** Decodes a property string; malformed pieces are skipped and the last duplicate wins. */
    public static Map<String, String> decode(String properties) {
        Map<String, String> map = new LinkedHashMap<>();
        if (properties == null || properties.isEmpty()) {
            return map;
        }
        int start = 0;
        int length = properties.length();
        while (start < length) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int split = properties.indexOf(NAME_VALUE_SEPARATOR, start);
            if (end - start >= 2 && split > start && split < end) {
                map.put(properties.substring(start, split), properties.substring(split + 1, end));
            }
            start = end + 1;
        }
        return map;
    }

    /** Reads one property without building a map; the last of duplicates wins. */
    public static String get(String properties, String name) {
        int start = valueStart(properties, name);
        if (start < 0) {
            return null;
        }
        int end = properties.indexOf(PROPERTY_SEPARATOR, start);
        return properties.substring(start, end < 0 ? properties.length() : end);
    }

    /** Whether the property string has an entry named {@code name}; allocates nothing. */
    public static boolean contains(String properties, String name) {
        return valueStart(properties, name) >= 0;
    }

    /** Where the value of the last entry named {@code name} starts, or -1. */
    private static int valueStart(String properties, String name) {
        if (properties == null || properties.isEmpty()) {
            return -1;
        }
        int found = -1;
        int start = 0;
        int length = properties.length();
        while (start < length) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int nameEnd = start + name.length();
            if (nameEnd < end && properties.charAt(nameEnd) == NAME_VALUE_SEPARATOR
                    && properties.startsWith(name, start)) {
                found = nameEnd + 1;
            }
            start = end + 1;
        }
        return found;
    }

    /** The hash that consume queues store for a tag: {@code tag.hashCode()}, 0 without a tag. */
    public static long tagsCode(String tags) {
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }
}
