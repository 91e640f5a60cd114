package io.zeroapi.codec;

import io.zeroapi.ZeroException;

/**
 * Thrown when bytes cannot be decoded or a value cannot be encoded.
 * <p>
 * {@link #isMalformed()} tells malformed msgpack (Zero's {@code DecodeError}: the generic server error) from a
 * well-formed value that does not fit the requested type (Zero's {@code ValidationError}: the message says what
 * was expected, what came, and where, e.g. {@code Expected `int`, got `str` - at `$.id`}).
 */
public class ZeroCodecException extends ZeroException {

    private final boolean malformed;

    public ZeroCodecException(String message, boolean malformed, Throwable cause) {
        super(message, cause);
        this.malformed = malformed;
    }

    public static ZeroCodecException malformed(String message, Throwable cause) {
        return new ZeroCodecException(message, true, cause);
    }

    public static ZeroCodecException mismatch(String message, Throwable cause) {
        return new ZeroCodecException(message, false, cause);
    }

    /**
     * Whether the bytes were not valid msgpack (as opposed to a valid value of the wrong shape).
     */
    public boolean isMalformed() {
        return malformed;
    }
}
