package io.zeroapi.server;

/**
 * A reply waiting for the I/O thread: the ROUTER identity of the caller and the whole response frame.
 *
 * @param identity the caller's ROUTER identity
 * @param frame the response frame (id + body), sent once and never touched again
 * @param counted whether the request counted as in flight
 */
record Reply(byte[] identity, byte[] frame, boolean counted) {
}
