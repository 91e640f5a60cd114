package io.zeroapi.frame;

import io.zeroapi.ZeroException;

/**
 * Thrown when bytes are not a Zero frame: too short, a function name that is not UTF-8 or longer than 80
 * bytes, or a TCP length prefix that does not fit. The only exception frame parsing throws.
 */
public class ZeroFrameException extends ZeroException {

    public ZeroFrameException(String message) {
        super(message);
    }

    public ZeroFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
