package io.zeroapi;

/**
 * Raised when a call could not be delivered or its reply can no longer come: no connection to the server came up
 * within the call's timeout (the request is then never sent), the connection broke while the call waited for its
 * reply (the server went away, or a reply was over the client's {@code max-reply-size}), the client's I/O thread
 * failed, or the client was closed while the call was pending.
 */
public class ZeroConnectionException extends ZeroException {

    /**
     * @param rpc the function called
     * @param address the server's address
     * @param problem what went wrong; the message is {@code <rpc> at <address>: <problem>}
     */
    public ZeroConnectionException(String rpc, String address, String problem) {
        super(rpc, address, problem);
    }

    /** An exception with only a message; {@link #getRpc()} and {@link #getAddress()} are then {@code null}. */
    public ZeroConnectionException(String message) {
        super(message);
    }
}
