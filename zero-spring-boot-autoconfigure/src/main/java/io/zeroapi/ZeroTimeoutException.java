package io.zeroapi;

/**
 * Raised when a call was sent to a connected server but no reply came within the call's timeout. The call is
 * forgotten: a reply arriving later is dropped.
 */
public class ZeroTimeoutException extends ZeroException {

    /**
     * @param rpc the function called
     * @param address the server's address
     * @param problem what went wrong; the message is {@code <rpc> at <address>: <problem>}
     */
    public ZeroTimeoutException(String rpc, String address, String problem) {
        super(rpc, address, problem);
    }

    /** An exception with only a message; {@link #getRpc()} and {@link #getAddress()} are then {@code null}. */
    public ZeroTimeoutException(String message) {
        super(message);
    }
}
