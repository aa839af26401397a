package io.nimbusmq.remoting.protocol.body;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@code Map<Long, String>} such as {@link BrokerData#brokerAddrs()} sorted by key, with the keys quoted
 * ({@code {"0":"a"}}) or, when the writer carries {@link RemotingJson#UNQUOTED_NUMERIC_KEYS}, unquoted as fastjson
 * writes non-string keys ({@code {0:"a"}}). Jackson cannot write an unquoted field name, so that form is written as
 * a raw value.
 */
final class NumericKeyMapSerializer extends StdSerializer<Map<Long, String>> {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    NumericKeyMapSerializer() {
        super((Class<Map<Long, String>>) (Class) Map.class);
    }

    @Override
    public void serialize(Map<Long, String> map, JsonGenerator json, SerializerProvider provider) throws IOException {
        Map<Long, String> sorted = new TreeMap<>(map);
        if (Boolean.TRUE.equals(provider.getAttribute(RemotingJson.UNQUOTED_NUMERIC_KEYS))) {
            json.writeRawValue(unquoted(sorted));
            return;
        }
        json.writeStartObject();
        for (Map.Entry<Long, String> entry : sorted.entrySet()) {
            if (entry.getValue() != null) {
                json.writeStringField(String.valueOf(entry.getKey()), entry.getValue());
            }
        }
        json.writeEndObject();
    }

    private static String unquoted(Map<Long, String> sorted) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<Long, String> entry : sorted.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(entry.getKey()).append(":\"");
            encoder.quoteAsString(entry.getValue(), out);
            out.append('"');
        }
        return out.append('}').toString();
    }
}
