/**
 * The Zero client: {@link io.zeroapi.client.ZeroConnection} (one connection per configured client, any number of
 * calls in flight) and the blocking, asynchronous and reactive clients over it. Inside, the call handling (pending
 * calls, ids, timeouts, decoding) knows no socket type; the ZeroMQ transport ({@code Zmq*} types) sits behind the
 * {@code ClientTransport} seam.
 */
@NullMarked
package io.zeroapi.client;

import org.jspecify.annotations.NullMarked;
