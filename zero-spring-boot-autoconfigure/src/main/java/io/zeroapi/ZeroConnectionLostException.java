package io.zeroapi;

/**
 * Raised for a call that was sent when its connection broke before the reply came (the server went away, stopped
 * answering heartbeats, or closed the connection on a reply over {@code max-reply-size}): the server may or may not
 * have run it. A client with several servers can retry such calls once on another one
 * ({@code zero.clients.<name>.retry-on-connection-loss}), for functions that may run twice.
 */
public class ZeroConnectionLostException extends ZeroConnectionException {

    /**
     * @param rpc the function called
     * @param address the server's address
     * @param problem what went wrong; the message is {@code <rpc> at <address>: <problem>}
     */
    public ZeroConnectionLostException(String rpc, String address, String problem) {
        super(rpc, address, problem);
    }
}
