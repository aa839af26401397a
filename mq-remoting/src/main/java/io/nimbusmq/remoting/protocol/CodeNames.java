package io.nimbusmq.remoting.protocol;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of the {@code public static final int} constants of a code class, read once by reflection so that a code
 * added to {@link RequestCode} or {@link ResponseCode} is named without a second table to keep in step.
 */
final class CodeNames {

    private final Map<Integer, String> names;

    CodeNames(Class<?> codes) {
        Map<Integer, String> found = new HashMap<>();
        for (Field field : codes.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == int.class && Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)
                    && Modifier.isFinal(modifiers)) {
                try {
                    found.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        this.names = Map.copyOf(found);
    }

    /** {@code NAME (code)}, or {@code code <code>} for a code the class does not name. */
    String describe(int code) {
        String name = names.get(code);
        return name == null ? "code " + code : name + " (" + code + ")";
    }
}
