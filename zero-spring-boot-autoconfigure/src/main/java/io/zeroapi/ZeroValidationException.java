package io.zeroapi;

/**
 * Raised by a client when the server refused the argument because it did not fit the function's parameter type
 * (Zero's {@code __zerror__validation_error}); the server's text says what was expected and what came, e.g.
 * {@code Expected `str`, got `int`}.
 */
public class ZeroValidationException extends ZeroErrorReplyException {

    public ZeroValidationException(String rpc, String address, String serverMessage) {
        super(rpc, address, serverMessage);
    }
}
