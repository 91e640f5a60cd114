package io.zeroapi;

/**
 * Base of the exceptions a client raises for one of Zero's error replies (a {@code __zerror__...} map): it keeps
 * the RPC, the server address and the server's text. The message names all three:
 * {@code get_user at tcp://127.0.0.1:5559: <server text>}.
 */
public abstract class ZeroErrorReplyException extends ZeroException {

    private final String serverMessage;

    protected ZeroErrorReplyException(String rpc, String address, String serverMessage) {
        super(rpc, address, serverMessage);
        this.serverMessage = serverMessage;
    }

    /** The text the server sent, unchanged. */
    public String getServerMessage() {
        return serverMessage;
    }
}
