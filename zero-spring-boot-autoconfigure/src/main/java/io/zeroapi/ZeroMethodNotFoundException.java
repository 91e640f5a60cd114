package io.zeroapi;

/**
 * Raised by a client when the server has no function of the called name
 * (Zero's {@code __zerror__function_not_found}); the server's text is e.g.
 * {@code Function `get_user` not found!}.
 */
public class ZeroMethodNotFoundException extends ZeroErrorReplyException {

    public ZeroMethodNotFoundException(String rpc, String address, String serverMessage) {
        super(rpc, address, serverMessage);
    }
}
