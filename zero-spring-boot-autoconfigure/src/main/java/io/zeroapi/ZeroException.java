package io.zeroapi;

/**
 * Base of every exception a Zero client raises (unchecked). Thrown as is (not a subclass) when a call cannot
 * be made or answered at all: an argument that cannot be encoded, a function name over 80 UTF-8 bytes, too
 * many calls in flight, an unusable address, or a reply that is malformed or does not fit the requested
 * return type (the cause is then the codec's {@link io.zeroapi.codec.ZeroCodecException}).
 */
public class ZeroException extends RuntimeException {

    public ZeroException(String message) {
        super(message);
    }

    public ZeroException(String message, Throwable cause) {
        super(message, cause);
    }
}
