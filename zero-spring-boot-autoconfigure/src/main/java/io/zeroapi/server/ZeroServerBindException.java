package io.zeroapi.server;

import io.zeroapi.ZeroException;

/**
 * Thrown when the Zero server cannot bind for another reason than its port being in use, e.g. an address that is
 * not one of this machine's ({@code EADDRNOTAVAIL}) or that does not resolve; the cause says what the system said.
 */
public class ZeroServerBindException extends ZeroException {

    private final String address;

    private final int port;

    public ZeroServerBindException(String address, int port, Throwable cause) {
        super("Zero server cannot bind tcp://" + address + ":" + port + ": " + reason(cause), cause);
        this.address = address;
        this.port = port;
    }

    /** What the system said: the cause's message, or the cause itself when it has none. */
    public static String reason(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** The address the server was to bind. */
    public String getAddress() {
        return address;
    }

    /** The port the server was to bind. */
    public int getPort() {
        return port;
    }
}
