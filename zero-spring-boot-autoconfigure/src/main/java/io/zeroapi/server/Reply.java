package io.zeroapi.server;

/**
 * A reply on its way to the I/O thread: the caller and the whole response frame.
 *
 * @param peer the caller
 * @param frame the response frame (id + body), sent once and never touched again
 * @param call the call it answers when that call counted as in flight, or {@code null} (built-ins, refusals)
 */
record Reply(Peer peer, byte[] frame, Invocation call) {

    boolean counted() {
        return call != null;
    }
}
