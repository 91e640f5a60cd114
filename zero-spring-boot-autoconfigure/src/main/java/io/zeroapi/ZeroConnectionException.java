package io.zeroapi;

/**
 * Raised when a call could not be delivered or its reply can no longer come: no connection to the server came up
 * within the call's timeout (the request is then never sent), the connection broke while the call waited for its
 * reply (the server went away, or a reply was over the client's {@code max-reply-size}), the client's I/O thread
 * failed, or the client was closed while the call was pending.
 */
public class ZeroConnectionException extends ZeroException {

    private final String rpc;

    private final String address;

    /**
     * @param rpc the function called
     * @param address the server's address
     * @param problem what went wrong; the message is {@code <rpc> at <address>: <problem>}
     */
    public ZeroConnectionException(String rpc, String address, String problem) {
        super(rpc + " at " + address + ": " + problem);
        this.rpc = rpc;
        this.address = address;
    }

    /** An exception with only a message; {@link #getRpc()} and {@link #getAddress()} are then {@code null}. */
    public ZeroConnectionException(String message) {
        super(message);
        this.rpc = null;
        this.address = null;
    }

    /** The name of the function that was called, or {@code null} if unknown. */
    public String getRpc() {
        return rpc;
    }

    /** The address of the server, or {@code null} if unknown. */
    public String getAddress() {
        return address;
    }
}
