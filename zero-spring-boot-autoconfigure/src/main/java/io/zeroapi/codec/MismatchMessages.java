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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Words Jackson's decoding failures the way Zero (msgspec) words validation errors:
 * {@code Expected `int`, got `str` - at `$.id`}, {@code Object missing required field `email`}.
 */
final class MismatchMessages {

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']*)'");

    private MismatchMessages() {
    }

    static String describe(JsonMappingException ex) {
        String message = baseMessage(ex);
        String path = path(ex.getPath(), message.startsWith("Object missing"));
        return path.equals("$") ? message : message + " - at `" + path + "`";
    }

    private static String baseMessage(JsonMappingException ex) {
        if (ex instanceof ZeroMismatch zero) {
            return zero.zeroMessage();
        }
        String original = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
        Matcher missing = MISSING_PROPERTY.matcher(original);
        if (missing.find()) {
            return "Object missing required field `" + missing.group(1) + "`";
        }
        Class<?> target = ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum() && ex instanceof InvalidFormatException format) {
            return "Invalid enum value " + format.getValue();
        }
        JsonParser parser = ex.getProcessor() instanceof JsonParser p ? p : null;
        return "Expected `" + zeroName(target) + "`, got `" + ZeroMismatch.kindOf(parser) + "`";
    }

    private static String path(List<Reference> references, boolean dropLast) {
        StringBuilder out = new StringBuilder("$");
        int count = references.size();
        for (int i = 0; i < count; i++) {
            Reference reference = references.get(i);
            if (dropLast && i == count - 1 && reference.getFieldName() != null) {
                break;
            }
            if (reference.getFieldName() != null) {
                out.append('.').append(reference.getFieldName());
            }
            else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
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
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (type == Optional.class) {
            return "value";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "object" : type.getSimpleName();
    }
}
