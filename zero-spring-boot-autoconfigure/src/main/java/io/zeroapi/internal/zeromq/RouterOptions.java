package io.zeroapi.internal.zeromq;

import java.time.Duration;

/**
 * The options Zero's server and client set on their ROUTER sockets.
 *
 * @param owner names the socket in log lines, e.g. {@code Zero server}
 * @param highWaterMark messages queued per peer in each direction
 * @param maxMessageSize largest inbound message in bytes (larger ones close the connection), -1 for no limit
 * @param handshakeMillis time a new connection has to complete the ZMTP handshake
 * @param heartbeatInterval interval of ZMTP heartbeats; zero or negative disables them
 * @param heartbeatTimeout time a peer may leave a heartbeat unanswered before its connection is closed
 */
public record RouterOptions(String owner, int highWaterMark, long maxMessageSize, int handshakeMillis,
        Duration heartbeatInterval, Duration heartbeatTimeout) {
}
