package io.nimbusmq.broker.http;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON of the HTTP API (Jackson 2): records are written with their component names; reading is strict (unknown
 * fields, wrong types and malformed JSON are refused), and every refusal is a {@link HttpError} 400 that names the
 * field, never a parser trace. Thread-safe.
 */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonCodec() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads {@code json} as a {@code type}.
     *
     * @throws HttpError 400 for an empty body, malformed JSON, an unknown field or a value of the wrong type
     */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json.length == 0) {
            throw HttpError.badRequest("The request has no body; it needs a JSON object.");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw HttpError.badRequest("The request body is null; it needs a JSON object.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw HttpError.badRequest("Unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds() + ".");
        } catch (InvalidFormatException e) {
            throw HttpError.badRequest("Field '" + path(e) + "' has a value of the wrong type: " + e.getValue() + ".");
        } catch (MismatchedInputException e) {
            String path = path(e);
            throw HttpError.badRequest(path.isEmpty() ? "The request body must be a JSON object."
                    : "Field '" + path + "' is missing or has the wrong type.");
        } catch (JsonParseException e) {
            throw HttpError.badRequest("The request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (JsonMappingException e) {
            throw HttpError.badRequest("The request body does not have the fields this request needs.");
        } catch (IOException e) {
            throw HttpError.badRequest("The request body could not be read.");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
