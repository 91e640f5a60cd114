package io.zeroapi.server;

import java.time.Duration;

/**
 * How a {@link ZeroServer} binds, how much it accepts and how long it waits.
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
 * @param peerQueueBudget bytes of requests ZeroMQ may queue for one peer (sets the high-water marks with the
 * message size limits), and bytes of replies one peer may leave unread before further replies are dropped
 */
public record ZeroServerSettings(String address, int port, long maxMessageSize, long maxReplySize, int maxInFlight,
        int maxInFlightPerPeer, Duration callTimeout, int backlog, Duration heartbeatInterval,
        Duration heartbeatTimeout, long peerQueueBudget) {

    /** Default of {@link #maxReplySize()}: 4 MiB. */
    public static final long DEFAULT_MAX_REPLY_SIZE = 4L * 1024 * 1024;

    /** Default of {@link #callTimeout()}. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** Default of {@link #backlog()}. */
    public static final int DEFAULT_BACKLOG = 1024;

    /** Default of {@link #heartbeatInterval()}. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    /** Default of {@link #heartbeatTimeout()}. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

    /** Default of {@link #peerQueueBudget()}: 64 MiB. */
    public static final long DEFAULT_PEER_QUEUE_BUDGET = 64L * 1024 * 1024;

    private static final int MIN_HIGH_WATER_MARK = 16;

    private static final int MAX_HIGH_WATER_MARK = 1000;

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
        if (peerQueueBudget < 1) {
            throw new IllegalArgumentException("peerQueueBudget must be positive, got " + peerQueueBudget);
        }
    }

    /** Settings with the defaults for everything but the address, port, inbound size and in-flight limit. */
    public ZeroServerSettings(String address, int port, long maxMessageSize, int maxInFlight) {
        this(address, port, maxMessageSize, DEFAULT_MAX_REPLY_SIZE, maxInFlight, maxInFlight, DEFAULT_CALL_TIMEOUT,
                DEFAULT_BACKLOG, DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_HEARTBEAT_TIMEOUT, DEFAULT_PEER_QUEUE_BUDGET);
    }

    /** The same settings bound to {@code port}. */
    public ZeroServerSettings withPort(int port) {
        return new ZeroServerSettings(address, port, maxMessageSize, maxReplySize, maxInFlight, maxInFlightPerPeer,
                callTimeout, backlog, heartbeatInterval, heartbeatTimeout, peerQueueBudget);
    }

    /** The endpoint to bind, {@code tcp://address:*} for port 0. */
    String bindEndpoint() {
        return "tcp://" + address + ":" + (port == 0 ? "*" : Integer.toString(port));
    }

    /** Messages ZeroMQ queues per peer for inbound requests: the budget over the largest request. */
    int receiveHighWaterMark() {
        return highWaterMark(maxMessageSize);
    }

    /** Messages ZeroMQ queues per peer for replies: the budget over the largest reply. */
    int sendHighWaterMark() {
        return highWaterMark(maxReplySize);
    }

    private int highWaterMark(long messageSize) {
        long size = messageSize < 0 ? Integer.MAX_VALUE : Math.max(messageSize, 1);
        return (int) Math.max(MIN_HIGH_WATER_MARK, Math.min(MAX_HIGH_WATER_MARK, peerQueueBudget / size));
    }
}
