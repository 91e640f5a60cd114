package io.zeroapi.codec;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * An enum read as msgspec reads an {@code Enum}: its value must have the kind of the enum's values (the
 * {@code @JsonValue} type, {@code int} for a numeric {@code @JsonFormat}, else {@code str} for names; an index too
 * where {@code FAIL_ON_NUMBERS_FOR_ENUMS} is turned off), else {@code Expected `int`, got `str`}; a value of that
 * kind that no constant (or {@code @JsonCreator}) accepts is {@code Invalid enum value 5} ({@code 'x'} for a
 * string, as Python writes it).
 */
final class StrictEnumDeserializer extends DelegatingDeserializer {

    private final String kind;

    StrictEnumDeserializer(JsonDeserializer<?> delegatee) {
        super(delegatee);
        this.kind = kindOf(delegatee.handledType());
    }

    /**
     * The msgspec name of the kind of value {@code enumType} is written as, {@code int} or {@code str}; {@code null}
     * for other {@code @JsonValue} types (msgspec has no such enums, so their kind is not checked).
     */
    static String kindOf(Class<?> enumType) {
        JsonFormat format = enumType.getAnnotation(JsonFormat.class);
        if (format != null && format.shape().isNumeric()) {
            return "int";
        }
        for (Method method : enumType.getDeclaredMethods()) {
            JsonValue value = method.getAnnotation(JsonValue.class);
            if (value != null && value.value() && method.getParameterCount() == 0) {
                return valueKind(method.getReturnType());
            }
        }
        for (Field field : enumType.getDeclaredFields()) {
            JsonValue value = field.getAnnotation(JsonValue.class);
            if (value != null && value.value()) {
                return valueKind(field.getType());
            }
        }
        return "str";
    }

    private static String valueKind(Class<?> type) {
        String name = MismatchMessages.zeroName(type);
        return name.equals("int") || name.equals("str") ? name : null;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new StrictEnumDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String got = ZeroMismatch.kindOf(p);
        boolean indexAllowed = got.equals("int") && !ctxt.isEnabled(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        if (kind != null && !got.equals(kind) && !indexAllowed) {
            throw ZeroMismatch.of(p, "Expected `" + kind + "`, got `" + got + "`");
        }
        Object value;
        try {
            value = _delegatee.deserialize(p, ctxt);
        }
        catch (JsonMappingException ex) {
            throw invalid(p);
        }
        if (value == null) {
            throw invalid(p);
        }
        return value;
    }

    private static ZeroMismatch invalid(JsonParser p) throws IOException {
        String value = p.currentToken() == JsonToken.VALUE_STRING ? PythonRepr.string(p.getText())
                : String.valueOf(p.getNumberValue());
        return ZeroMismatch.of(p, "Invalid enum value " + value);
    }
}
