package io.zeroapi;

/**
 * Raised by a client when the remote handler raised, or the server could not process the message
 * (Zero's {@code __zerror__server_exception}); the server's text is, for a Python handler, the {@code repr} of
 * its exception, e.g. {@code ValueError('boom')}.
 */
public class ZeroRemoteException extends ZeroErrorReplyException {

    public ZeroRemoteException(String rpc, String address, String serverMessage) {
        super(rpc, address, serverMessage);
    }
}
