package io.zeroapi;

/**
 * Base of the exceptions a client raises for one of Zero's error replies (a {@code __zerror__...} map): it keeps
 * the RPC, the server address and the server's text. The message names all three:
 * {@code get_user at tcp://127.0.0.1:5559: <server text>}.
 */
public abstract class ZeroErrorReplyException extends ZeroException {

    private final String rpc;

    private final String address;

    private final String serverMessage;

    protected ZeroErrorReplyException(String rpc, String address, String serverMessage) {
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
