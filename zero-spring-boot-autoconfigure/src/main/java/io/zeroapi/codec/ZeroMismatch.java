package io.zeroapi.codec;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A type mismatch raised by our own deserializers, already worded as Zero words it (the path is added later); one
 * raised by a map key is placed as msgspec places it, {@code - at `key` in `$.field`}.
 */
final class ZeroMismatch extends MismatchedInputException {

    private final String zeroMessage;

    private final boolean atKey;

    private ZeroMismatch(JsonParser p, String zeroMessage, boolean atKey) {
        super(p, zeroMessage);
        this.zeroMessage = zeroMessage;
        this.atKey = atKey;
    }

    static ZeroMismatch of(JsonParser p, String zeroMessage) {
        return new ZeroMismatch(p, zeroMessage, false);
    }

    static ZeroMismatch atKey(JsonParser p, String zeroMessage) {
        return new ZeroMismatch(p, zeroMessage, true);
    }

    String zeroMessage() {
        return zeroMessage;
    }

    /**
     * Whether the mismatch is in a map key rather than in the value at the path.
     */
    boolean isAtKey() {
        return atKey;
    }

    /**
     * The msgspec name of the kind of value the parser stands on: {@code int}, {@code str}, {@code null}, ...; an
     * extension, the timestamp included, is {@code ext}, as msgspec names it wherever a datetime is not expected.
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
            return embedded instanceof byte[] ? "bytes" : "ext";
        }
        catch (IOException | RuntimeException ex) {
            return "ext";
        }
    }
}
