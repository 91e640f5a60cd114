package io.zeroapi.server;

import java.time.Duration;

/**
 * How a {@link ZeroServer} binds, how much it accepts and how long it waits. Start from
 * {@link #defaults(String, int)} and change what differs with the {@code with} methods.
 *
 * @param address interface to bind, {@code *} for all
 * @param port TCP port, 0 for a free port chosen by the system
 * @param maxMessageSize largest inbound message in bytes, -1 for no limit
 * @param maxReplySize largest reply body a handler may produce in bytes (larger ones are answered with a server
 * exception), -1 for no limit
 * @param maxInFlight most calls in progress at once; more are refused with "server busy"
 * @param maxInFlightPerPeer most calls in progress (or with their reply waiting) from one connection
 * @param callTimeout how long a call may take before it is answered with a server exception and its worker
 * interrupted; zero or negative for no limit
 * @param backlog listen backlog of the TCP socket
 * @param heartbeatInterval interval of ZMTP heartbeats to every peer; zero disables them
 * @param heartbeatTimeout how long a peer may leave a heartbeat unanswered before its connection is closed
 * @param highWaterMark messages ZeroMQ queues per peer in each direction (so at most this many times the message
 * size limits in bytes)
 * @param peerBufferBudget bytes the server itself holds for one peer: requests in flight (further ones are refused
 * with "server busy") and replies it leaves unread (further ones are dropped)
 */
public record ZeroServerSettings(String address, int port, long maxMessageSize, long maxReplySize, int maxInFlight,
        int maxInFlightPerPeer, Duration callTimeout, int backlog, Duration heartbeatInterval,
        Duration heartbeatTimeout, int highWaterMark, long peerBufferBudget) {

    /** Zero's default port. */
    public static final int DEFAULT_PORT = 5559;

    /** Default of {@link #maxMessageSize()} and {@link #maxReplySize()}: 4 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 4L * 1024 * 1024;

    /** Default of {@link #maxInFlight()}. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;

    /** Default of {@link #maxInFlightPerPeer()}. */
    public static final int DEFAULT_MAX_IN_FLIGHT_PER_PEER = 1000;

    /** Default of {@link #callTimeout()}. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** Default of {@link #backlog()}. */
    public static final int DEFAULT_BACKLOG = 1024;

    /** Default of {@link #heartbeatInterval()}. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    /** Default of {@link #heartbeatTimeout()}. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

    /** Default of {@link #highWaterMark()}: enough for 128 pipelined calls per connection without throttling. */
    public static final int DEFAULT_HIGH_WATER_MARK = 128;

    /** Default of {@link #peerBufferBudget()}: 64 MiB. */
    public static final long DEFAULT_PEER_BUFFER_BUDGET = 64L * 1024 * 1024;

    public ZeroServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        if (maxInFlightPerPeer < 1) {
            throw new IllegalArgumentException("maxInFlightPerPeer must be at least 1, got " + maxInFlightPerPeer);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, got " + backlog);
        }
        if (highWaterMark < 1) {
            throw new IllegalArgumentException("highWaterMark must be at least 1, got " + highWaterMark);
        }
        if (peerBufferBudget < 1) {
            throw new IllegalArgumentException("peerBufferBudget must be positive, got " + peerBufferBudget);
        }
    }

    /** Settings with the defaults for everything but the address, port, inbound size and in-flight limit. */
    public ZeroServerSettings(String address, int port, long maxMessageSize, int maxInFlight) {
        this(address, port, maxMessageSize, DEFAULT_MAX_MESSAGE_SIZE, maxInFlight, maxInFlight, DEFAULT_CALL_TIMEOUT,
                DEFAULT_BACKLOG, DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_HEARTBEAT_TIMEOUT, DEFAULT_HIGH_WATER_MARK,
                DEFAULT_PEER_BUFFER_BUDGET);
    }

    /** The defaults, bound to {@code address} and {@code port}. */
    public static ZeroServerSettings defaults(String address, int port) {
        return new ZeroServerSettings(address, port, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_MESSAGE_SIZE,
                DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT_PER_PEER, DEFAULT_CALL_TIMEOUT, DEFAULT_BACKLOG,
                DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_HEARTBEAT_TIMEOUT, DEFAULT_HIGH_WATER_MARK,
                DEFAULT_PEER_BUFFER_BUDGET);
    }

    /** The same settings bound to {@code port}. */
    public ZeroServerSettings withPort(int port) {
        return new ZeroServerSettings(address, port, maxMessageSize, maxReplySize, maxInFlight, maxInFlightPerPeer,
                callTimeout, backlog, heartbeatInterval, heartbeatTimeout, highWaterMark, peerBufferBudget);
    }

    /** The same settings with these limits of calls in flight, in all and per connection. */
    public ZeroServerSettings withMaxInFlight(int maxInFlight, int maxInFlightPerPeer) {
        return new ZeroServerSettings(address, port, maxMessageSize, maxReplySize, maxInFlight, maxInFlightPerPeer,
                callTimeout, backlog, heartbeatInterval, heartbeatTimeout, highWaterMark, peerBufferBudget);
    }

    /** The same settings with this call timeout. */
    public ZeroServerSettings withCallTimeout(Duration callTimeout) {
        return new ZeroServerSettings(address, port, maxMessageSize, maxReplySize, maxInFlight, maxInFlightPerPeer,
                callTimeout, backlog, heartbeatInterval, heartbeatTimeout, highWaterMark, peerBufferBudget);
    }

    /** The same settings with these heartbeats. */
    public ZeroServerSettings withHeartbeat(Duration interval, Duration timeout) {
        return new ZeroServerSettings(address, port, maxMessageSize, maxReplySize, maxInFlight, maxInFlightPerPeer,
                callTimeout, backlog, interval, timeout, highWaterMark, peerBufferBudget);
    }

    /** The same settings with this high-water mark. */
    public ZeroServerSettings withHighWaterMark(int highWaterMark) {
        return new ZeroServerSettings(address, port, maxMessageSize, maxReplySize, maxInFlight, maxInFlightPerPeer,
                callTimeout, backlog, heartbeatInterval, heartbeatTimeout, highWaterMark, peerBufferBudget);
    }

    /** The same settings with this per-peer budget. */
    public ZeroServerSettings withPeerBufferBudget(long peerBufferBudget) {
        return new ZeroServerSettings(address, port, maxMessageSize, maxReplySize, maxInFlight, maxInFlightPerPeer,
                callTimeout, backlog, heartbeatInterval, heartbeatTimeout, highWaterMark, peerBufferBudget);
    }

    /** The ZeroMQ address to bind, {@code tcp://address:*} for port 0. */
    String bindAddress() {
        return "tcp://" + address + ":" + (port == 0 ? "*" : Integer.toString(port));
    }
}
