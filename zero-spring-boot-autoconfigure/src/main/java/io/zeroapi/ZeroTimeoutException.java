package io.zeroapi;

/**
 * Raised when a call was sent to a connected server but no reply came within the call's timeout. The call is
 * forgotten: a reply arriving later is dropped.
 */
public class ZeroTimeoutException extends ZeroException {

    public ZeroTimeoutException(String message) {
        super(message);
    }
}
