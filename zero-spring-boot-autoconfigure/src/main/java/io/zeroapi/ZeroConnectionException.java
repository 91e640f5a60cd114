package io.zeroapi;

/**
 * Raised when a call could not be delivered: no connection to the server came up within the call's timeout
 * (the request is then never sent, not even when the server comes back later), or the client was closed
 * while the call was pending.
 */
public class ZeroConnectionException extends ZeroException {

    public ZeroConnectionException(String message) {
        super(message);
    }
}
