package io.nimbusmq.remoting.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;

/**
 * The JSON header (serialize type 0), byte-compatible with what fastjson 1.2.83 writes for RocketMQ's
 * {@code RemotingCommand}:
 * <pre>
 * {"code":30,"extFields":{"topic":"T"},"flag":0,"language":"JAVA","opaque":7,"serializeTypeCurrentRPC":"JSON","version":475}
 * </pre>
 * Keys are alphabetical (ext keys too), nulls and an empty {@code extFields} are left out, the body never appears.
 *
 * <p>Reading is lenient like fastjson: unknown fields are ignored, missing ones default (language JAVA, numbers 0),
 * numbers may arrive as strings, ext values may be strings, numbers or booleans, a duplicated key's last value
 * wins. Anything that is not a JSON object, or not well-formed JSON, is a {@link RemotingProtocolException}.
 */
final class JsonHeaderCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Reads one value as a tree in the middle of a stream (no trailing-token check). */
    private static final ObjectReader TREE_READER = MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Headers up to this size are copied into a per-thread buffer instead of a new array. */
    private static final int MAX_SCRATCH_BYTES = 64 * 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

    private JsonHeaderCodec() {
    }

    /** Appends the JSON header of {@code command} to {@code out} ({@link JsonHeaderWriter}). */
    static void write(RemotingCommand command, ByteBuf out) {
        JsonHeaderWriter.write(command, out);
    }

    /**
     * Reads a whole JSON header: all readable bytes of {@code header}. Streams the tokens straight into the command
     * (no tree); only error paths and the rare object or array where a scalar belongs build a tree node, so that
     * messages and the text of odd ext values stay what the tree-based reader produced.
     */
    static RemotingCommand read(ByteBuf header) {
        int length = header.readableBytes();
        byte[] bytes;
        int offset;
        if (header.hasArray()) {
            bytes = header.array();
            offset = header.arrayOffset() + header.readerIndex();
        } else {
            bytes = scratch(length);
            header.getBytes(header.readerIndex(), bytes, 0, length);
            offset = 0;
        }
        header.skipBytes(length);
        try (JsonParser json = MAPPER.getFactory().createParser(bytes, offset, length)) {
            RemotingCommand command = readObject(json);
            JsonToken trailing = json.nextToken();
            if (trailing != null) {
                throw new RemotingProtocolException("broken JSON header: trailing token " + trailing
                        + " after the header object");
            }
            return command;
        } catch (JsonProcessingException e) {
            throw new RemotingProtocolException("broken JSON header: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RemotingProtocolException("unreadable JSON header: " + e.getMessage(), e);
        }
    }

    /**
     * This thread's buffer for copying a header out of a direct buffer, at least {@code length} bytes. Safe to reuse:
     * the parser is closed before {@link #read} returns, and every value it yields is a copied String.
     */
    private static byte[] scratch(int length) {
        if (length > MAX_SCRATCH_BYTES) {
            return new byte[length];
        }
        byte[] buffer = SCRATCH.get();
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, Math.min(MAX_SCRATCH_BYTES, buffer.length * 2))];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    private static RemotingCommand readObject(JsonParser json) throws IOException {
        JsonToken first = json.nextToken();
        if (first != JsonToken.START_OBJECT) {
            String found = first == null ? "nothing"
                    : first == JsonToken.VALUE_NULL ? "NULL" : tree(json).getNodeType().toString();
            throw new RemotingProtocolException("JSON header must be an object, found " + found);
        }
        RemotingCommand command = new RemotingCommand().setVersion(0); // a missing version reads as 0, like every int
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            switch (name) {
                case "code" -> command.setCode(intValue(json, name));
                case "language" -> command.setLanguage(languageValue(json));
                case "version" -> command.setVersion(intValue(json, name));
                case "opaque" -> command.setOpaque(intValue(json, name));
                case "flag" -> command.setFlag(intValue(json, name));
                case "remark" -> command.setRemark(textValue(json));
                case "extFields" -> readExtFields(json, command);
                default -> json.skipChildren();
            }
        }
        return command;
    }

    private static int intValue(JsonParser json, String name) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
            return json.getIntValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Integer.parseInt(json.getText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new RemotingProtocolException("JSON header field '" + name + "' is not an int: " + tree(json));
    }

    private static LanguageCode languageValue(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return LanguageCode.JAVA;
        }
        if (token == JsonToken.VALUE_STRING) {
            return LanguageCode.fromName(json.getText());
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return LanguageCode.fromCode(json.getNumberValue().intValue());
        }
        throw new RemotingProtocolException("JSON header field 'language' is neither a name nor a code: "
                + tree(json));
    }

    /** The value as text, as {@code JsonNode.asText()} gives it (objects and arrays as compact JSON); null for null. */
    private static String textValue(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case VALUE_STRING -> json.getText();
            case VALUE_NULL -> null;
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT -> switch (json.getNumberType()) {
                case INT -> Integer.toString(json.getIntValue());
                case LONG -> Long.toString(json.getLongValue());
                default -> json.getBigIntegerValue().toString();
            };
            default -> {
                JsonNode node = tree(json);
                yield node.isValueNode() ? node.asText() : node.toString();
            }
        };
    }

    /** The current value as a tree node; only for error messages and rare shapes. */
    private static JsonNode tree(JsonParser json) throws IOException {
        return TREE_READER.readTree(json);
    }

    /** A later {@code extFields} replaces an earlier one, and a later null ext value removes the key (last wins). */
    private static void readExtFields(JsonParser json, RemotingCommand command) throws IOException {
        command.setExtFields(null);
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new RemotingProtocolException("JSON header field 'extFields' must be an object, found "
                    + tree(json).getNodeType());
        }
        String name;
        while ((name = json.nextFieldName()) != null) {
            json.nextToken();
            String value = textValue(json);
            if (value == null) {
                command.removeExtField(name);
            } else {
                command.putExtField(name, value);
            }
        }
    }
}
