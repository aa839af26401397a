package io.nimbusmq.benchmark.metrics;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How a load generator JVM hands its results to the coordinator: a properties file with one key per record
 * component, {@code <index>.<component>[.<nested component>]}, written when the load generator is done.
 */
public final class ResultFile {

    private ResultFile() {
    }

    public static void write(Path file, List<ScenarioResult> results) throws IOException {
        Files.writeString(file, format(results), StandardCharsets.UTF_8);
    }

    public static List<ScenarioResult> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    static String format(List<ScenarioResult> results) {
        Properties properties = new Properties();
        properties.setProperty("count", Integer.toString(results.size()));
        for (int i = 0; i < results.size(); i++) {
            flatten(properties, i + ".", results.get(i));
        }
        StringWriter out = new StringWriter();
        try {
            properties.store(out, "mq-benchmark scenario results");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static List<ScenarioResult> parse(String text) {
        try {
            return parse(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ScenarioResult> parse(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        int count = Integer.parseInt(required(properties, "count"));
        List<ScenarioResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(unflatten(properties, i + ".", ScenarioResult.class));
        }
        return results;
    }

    private static void flatten(Properties properties, String prefix, Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String key = prefix + component.getName();
            if (value instanceof Record nested) {
                flatten(properties, key + ".", nested);
            } else {
                properties.setProperty(key, String.valueOf(value));
            }
        }
    }

    private static <R extends Record> R unflatten(Properties properties, String prefix, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> componentType = components[i].getType();
            types[i] = componentType;
            String key = prefix + components[i].getName();
            if (componentType.isRecord()) {
                values[i] = unflatten(properties, key + ".", componentType.asSubclass(Record.class));
            } else {
                values[i] = parseValue(componentType, required(properties, key));
            }
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object parseValue(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        } else if (type == long.class) {
            return Long.parseLong(text);
        } else if (type == int.class) {
            return Integer.parseInt(text);
        } else if (type == double.class) {
            return Double.parseDouble(text);
        } else if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("unsupported component type " + type);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("result file has no '" + key + "'");
        }
        return value;
    }
}
