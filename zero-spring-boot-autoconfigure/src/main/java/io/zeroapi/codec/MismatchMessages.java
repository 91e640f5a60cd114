package io.zeroapi.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Words Jackson's decoding failures the way Zero (msgspec) words validation errors:
 * {@code Expected `int`, got `str` - at `$.id`}, {@code Object missing required field `email`}. Paths name fields
 * ({@code $.id}), elements ({@code $[1]}) and map values ({@code $[...]}); a failing map key is
 * {@code - at `key` in `$.field`}.
 */
final class MismatchMessages {

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']*)'");

    private MismatchMessages() {
    }

    static String describe(JsonMappingException ex) {
        String message = baseMessage(ex);
        String path = path(ex.getPath(), message.startsWith("Object missing"));
        if (ex instanceof ZeroMismatch zero && zero.isAtKey()) {
            return message + " - at `key` in `" + path + "`";
        }
        return path.equals("$") ? message : message + " - at `" + path + "`";
    }

    /**
     * The message without its path: what was expected and what came, or what was wrong.
     */
    static String baseMessage(JsonMappingException ex) {
        if (ex instanceof ZeroMismatch zero) {
            return zero.zeroMessage();
        }
        if (ex instanceof ValueInstantiationException && ex.getCause() != null) {
            Throwable refusal = ex.getCause();
            return refusal.getMessage() != null ? refusal.getMessage() : refusal.getClass().getSimpleName();
        }
        String original = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
        Matcher missing = MISSING_PROPERTY.matcher(original);
        if (missing.find()) {
            return "Object missing required field `" + missing.group(1) + "`";
        }
        Class<?> target = ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum() && ex instanceof InvalidFormatException format) {
            Object value = format.getValue();
            return "Invalid enum value " + (value instanceof String text ? PythonRepr.string(text) : value);
        }
        JsonParser parser = ex.getProcessor() instanceof JsonParser p ? p : null;
        return "Expected `" + zeroName(target) + "`, got `" + ZeroMismatch.kindOf(parser) + "`";
    }

    private static String path(List<Reference> references, boolean dropLast) {
        StringBuilder out = new StringBuilder("$");
        int count = references.size();
        Reference previous = null;
        for (int i = 0; i < count; i++) {
            Reference reference = references.get(i);
            boolean inMap = reference.getFrom() instanceof Map;
            if (dropLast && i == count - 1 && reference.getFieldName() != null && !inMap) {
                break;
            }
            if (reference.getFieldName() != null && !isSameElement(previous, reference)) {
                out.append(inMap ? "[...]" : "." + reference.getFieldName());
            }
            else if (reference.getFieldName() == null && reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
            previous = reference;
        }
        return out.toString();
    }

    /**
     * Whether {@code reference} names the property that a tuple element reference just before it already placed
     * (a tuple POJO's setter failure carries both).
     */
    private static boolean isSameElement(Reference previous, Reference reference) {
        return previous != null && previous.getFieldName() == null && previous.getFrom() instanceof Class<?> tuple
                && tuple.isInstance(reference.getFrom());
    }

    static String zeroName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "int";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "float";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "bool";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "str";
        }
        if (type == byte[].class) {
            return "bytes";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == BigDecimal.class) {
            return "decimal";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == LocalTime.class || type == OffsetTime.class) {
            return "time";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "datetime";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type) || TupleDeserializer.isDeclared(type)) {
            return "array";
        }
        if (type.isEnum()) {
            String kind = StrictEnumDeserializer.kindOf(type);
            return kind == null ? "enum" : kind;
        }
        if (type == OptionalInt.class || type == OptionalLong.class) {
            return "int";
        }
        if (type == OptionalDouble.class) {
            return "float";
        }
        if (type == Optional.class) {
            return "value";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "object" : type.getSimpleName();
    }
}
