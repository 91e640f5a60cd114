/**
 * The Zero server: {@link io.zeroapi.server.ZeroServer} and its settings. Inside, the request handling
 * (dispatch, invocation, replies, deadlines, draining, in-flight limits) knows no socket type; the ZeroMQ transport
 * ({@code Zmq*} types) carries the frames behind two seams, {@code ServerTransport} and {@code ReplyChannel}.
 */
@NullMarked
package io.zeroapi.server;

import org.jspecify.annotations.NullMarked;
