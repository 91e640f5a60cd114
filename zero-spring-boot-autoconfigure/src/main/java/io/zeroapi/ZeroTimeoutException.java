package io.zeroapi;

/**
 * Raised when a call was sent to a connected server but no reply came within the call's timeout. The call is
 * forgotten: a reply arriving later is dropped.
 */
public class ZeroTimeoutException extends ZeroException {

    private final String rpc;

    private final String address;

    /**
     * @param rpc the function called
     * @param address the server's address
     * @param problem what went wrong; the message is {@code <rpc> at <address>: <problem>}
     */
    public ZeroTimeoutException(String rpc, String address, String problem) {
        super(rpc + " at " + address + ": " + problem);
        this.rpc = rpc;
        this.address = address;
    }

    /** An exception with only a message; {@link #getRpc()} and {@link #getAddress()} are then {@code null}. */
    public ZeroTimeoutException(String message) {
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
