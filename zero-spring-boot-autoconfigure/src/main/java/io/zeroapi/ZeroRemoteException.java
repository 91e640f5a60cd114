package io.zeroapi;

/**
 * Raised by a client when the remote handler raised, or the server could not process the message
 * (Zero's {@code __zerror__server_exception}); the server's text is, for a Python handler, the {@code repr} of
 * its exception, e.g. {@code ValueError('boom')}.
 * <p>
 * The message names the RPC and the server address, then the server's text:
 * {@code get_user at tcp://127.0.0.1:5559: <server text>}.
 */
public class ZeroRemoteException extends ZeroException {

    private final String rpc;

    private final String address;

    private final String serverMessage;

    public ZeroRemoteException(String rpc, String address, String serverMessage) {
        super(rpc + " at " + address + ": " + serverMessage);
        this.rpc = rpc;
        this.address = address;
        this.serverMessage = serverMessage;
    }

    /** The name of the function that was called. */
    public String getRpc() {
        return rpc;
    }

    /** The address of the server that answered. */
    public String getAddress() {
        return address;
    }

    /** The text the server sent, unchanged. */
    public String getServerMessage() {
        return serverMessage;
    }
}
