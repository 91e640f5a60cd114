package io.zeroapi.codec;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A type mismatch raised by our own deserializers, already worded as Zero words it (the path is added later).
 */
final class ZeroMismatch extends MismatchedInputException {

    private final String zeroMessage;

    private ZeroMismatch(JsonParser p, String zeroMessage) {
        super(p, zeroMessage);
        this.zeroMessage = zeroMessage;
    }

    static ZeroMismatch of(JsonParser p, String zeroMessage) {
        return new ZeroMismatch(p, zeroMessage);
    }

    String zeroMessage() {
        return zeroMessage;
    }

    /**
     * The msgspec name of the kind of value the parser stands on: {@code int}, {@code str}, {@code null}, ...
     */
    static String kindOf(JsonParser p) {
        JsonToken token = p == null ? null : p.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING, FIELD_NAME -> "str";
            case VALUE_NUMBER_INT -> "int";
            case VALUE_NUMBER_FLOAT -> "float";
            case VALUE_TRUE, VALUE_FALSE -> "bool";
            case VALUE_NULL -> "null";
            case START_ARRAY, END_ARRAY -> "array";
            case START_OBJECT, END_OBJECT -> "object";
            case VALUE_EMBEDDED_OBJECT -> embeddedKind(p);
            default -> token.name().toLowerCase();
        };
    }

    private static String embeddedKind(JsonParser p) {
        try {
            Object embedded = p.getEmbeddedObject();
            return embedded instanceof byte[] ? "bytes" : embedded instanceof java.time.Instant ? "datetime" : "ext";
        }
        catch (IOException | RuntimeException ex) {
            return "ext";
        }
    }
}
