package io.zeroapi;

/**
 * Raised by a client when the server refused the argument because it did not fit the function's parameter type
 * (Zero's {@code __zerror__validation_error}); the server's text says what was expected and what came, e.g.
 * {@code Expected `str`, got `int`}.
 * <p>
 * The message names the RPC and the server address, then the server's text:
 * {@code get_user at tcp://127.0.0.1:5559: <server text>}.
 */
public class ZeroValidationException extends ZeroException {

    private final String rpc;

    private final String address;

    private final String serverMessage;

    public ZeroValidationException(String rpc, String address, String serverMessage) {
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
