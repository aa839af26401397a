package io.nimbusmq.spring.support;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * A conversion hint that carries a full generic {@link Type} ({@code List<OrderDto>}) to spring-messaging converters,
 * which understand only {@link MethodParameter} hints. Used where no method is at hand: request-reply results and
 * class-based listeners.
 */
public final class TypeHint extends MethodParameter {

    private static final Method CARRIER = carrier();

    private final ResolvableType type;

    private TypeHint(ResolvableType type) {
        super(CARRIER, 0);
        this.type = type;
    }

    public static TypeHint of(Type type) {
        return new TypeHint(ResolvableType.forType(type));
    }

    public static TypeHint of(ResolvableType type) {
        return new TypeHint(type);
    }

    public ResolvableType type() {
        return type;
    }

    @Override
    public Class<?> getParameterType() {
        return type.toClass();
    }

    @Override
    public Type getGenericParameterType() {
        return type.getType();
    }

    @Override
    public Class<?> getNestedParameterType() {
        return type.toClass();
    }

    @Override
    public Type getNestedGenericParameterType() {
        return type.getType();
    }

    @Override
    public MethodParameter nestedIfOptional() {
        return this;
    }

    @Override
    public TypeHint clone() {
        return new TypeHint(type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypeHint hint && hint.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @SuppressWarnings("unused")
    private static void carrier(Object value) {
    }

    private static Method carrier() {
        try {
            return TypeHint.class.getDeclaredMethod("carrier", Object.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
