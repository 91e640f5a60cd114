package io.zeroapi.server;

/**
 * How a transport frames a reply body for the wire (e.g. ZeroMQ: the request id then the body). Called on the
 * thread that produced the reply, so the copy is not made on the I/O thread.
 */
@FunctionalInterface
interface ReplyFraming {

    /**
     * The frame answering request {@code id} with {@code body}.
     * @param error whether {@code body} is one of Zero's error maps
     */
    byte[] frame(byte[] id, byte[] body, boolean error);
}
