package io.nimbusmq.remoting.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

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
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private JsonHeaderCodec() {
    }

    /** Appends the JSON header of {@code command} to {@code out}. */
    static void write(RemotingCommand command, ByteBuf out) {
        try (JsonGenerator json = MAPPER.getFactory()
                .createGenerator((OutputStream) new ByteBufOutputStream(out), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("code", command.code());
            writeExtFields(json, command.extFields());
            json.writeNumberField("flag", command.flag());
            json.writeStringField("language", command.language().name());
            json.writeNumberField("opaque", command.opaque());
            if (command.remark() != null) {
                json.writeStringField("remark", command.remark());
            }
            json.writeStringField("serializeTypeCurrentRPC", SerializeType.JSON.name());
            json.writeNumberField("version", command.version());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON header", e);
        }
    }

    private static void writeExtFields(JsonGenerator json, Map<String, String> extFields) throws IOException {
        if (extFields.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("extFields");
        for (Map.Entry<String, String> field : new TreeMap<>(extFields).entrySet()) {
            json.writeStringField(field.getKey(), field.getValue());
        }
        json.writeEndObject();
    }

    /** Reads a whole JSON header: all readable bytes of {@code header}. */
    static RemotingCommand read(ByteBuf header) {
        JsonNode root = parse(header);
        RemotingCommand command = new RemotingCommand();
        command.setCode(intField(root, "code"));
        command.setLanguage(languageField(root.get("language")));
        command.setVersion(intField(root, "version"));
        command.setOpaque(intField(root, "opaque"));
        command.setFlag(intField(root, "flag"));
        command.setRemark(textField(root.get("remark")));
        readExtFields(root.get("extFields"), command);
        return command;
    }

    private static JsonNode parse(ByteBuf header) {
        int length = header.readableBytes();
        byte[] bytes;
        int offset;
        if (header.hasArray()) {
            bytes = header.array();
            offset = header.arrayOffset() + header.readerIndex();
        } else {
            bytes = new byte[length];
            header.getBytes(header.readerIndex(), bytes);
            offset = 0;
        }
        header.skipBytes(length);
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes, offset, length);
        } catch (JsonProcessingException e) {
            throw new RemotingProtocolException("broken JSON header: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RemotingProtocolException("unreadable JSON header: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            String found = root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString();
            throw new RemotingProtocolException("JSON header must be an object, found " + found);
        }
        return root;
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
        throw new RemotingProtocolException("JSON header field '" + name + "' is not an int: " + node);
    }

    private static LanguageCode languageField(JsonNode node) {
        if (node == null || node.isNull()) {
            return LanguageCode.JAVA;
        }
        if (node.isTextual()) {
            return LanguageCode.fromName(node.textValue());
        }
        if (node.isIntegralNumber()) {
            return LanguageCode.fromCode(node.intValue());
        }
        throw new RemotingProtocolException("JSON header field 'language' is neither a name nor a code: " + node);
    }

    private static String textField(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static void readExtFields(JsonNode node, RemotingCommand command) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new RemotingProtocolException("JSON header field 'extFields' must be an object, found "
                    + node.getNodeType());
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            command.putExtField(field.getKey(), textField(field.getValue()));
        }
    }
}
