package io.zeroapi.client;

import java.time.Duration;

/**
 * Limits of one {@link ZeroConnection}.
 *
 * @param maxInFlight the most calls pending at once; further calls fail at once
 * @param maxReplySize the largest reply frame accepted (16-byte request id and msgpack body), in bytes; ZeroMQ
 * closes the connection on a larger one, which fails the calls sent on it; {@code -1} for no limit (2 GB)
 * @param maxRequestSize the largest request frame sent (16-byte id, 80-byte name and msgpack argument), in bytes;
 * a larger call fails at once instead of being dropped by the server; {@code -1} for no limit
 * @param heartbeatInterval interval of ZMTP heartbeats to the server; zero disables them
 * @param heartbeatTimeout how long the server may leave a heartbeat unanswered before the connection counts as lost
 * (the calls sent on it fail at once with {@code ZeroConnectionException})
 */
public record ZeroConnectionSettings(int maxInFlight, long maxReplySize, long maxRequestSize,
        Duration heartbeatInterval, Duration heartbeatTimeout) {

    /** Default maximum of calls in flight on one connection. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 100_000;

    /** Default maximum reply size: 4 MB, the default inbound limit of a Zero server. */
    public static final long DEFAULT_MAX_REPLY_SIZE = 4L * 1024 * 1024;

    /** Default maximum request size: 4 MB, the default inbound limit of a Zero for Spring server. */
    public static final long DEFAULT_MAX_REQUEST_SIZE = 4L * 1024 * 1024;

    /** Default heartbeat interval. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    /** Default heartbeat timeout. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(15);

    private static final long KB = 1024;

    private static final long MB = 1024 * KB;

    public ZeroConnectionSettings {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive, got " + maxInFlight);
        }
        if (maxReplySize == 0 || maxReplySize < -1) {
            throw new IllegalArgumentException("maxReplySize must be positive or -1 (no limit), got " + maxReplySize);
        }
        if (heartbeatInterval == null || heartbeatTimeout == null) {
            throw new IllegalArgumentException("heartbeat interval and timeout must be set");
        }
        if (maxRequestSize == 0 || maxRequestSize < -1) {
            throw new IllegalArgumentException(
                    "maxRequestSize must be positive or -1 (no limit), got " + maxRequestSize);
        }
    }

    /** The default limits. */
    public static ZeroConnectionSettings defaults() {
        return new ZeroConnectionSettings(DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_REPLY_SIZE, DEFAULT_MAX_REQUEST_SIZE,
                DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_HEARTBEAT_TIMEOUT);
    }

    /** These settings with another maximum of calls in flight. */
    public ZeroConnectionSettings withMaxInFlight(int maxInFlight) {
        return new ZeroConnectionSettings(maxInFlight, maxReplySize, maxRequestSize, heartbeatInterval,
                heartbeatTimeout);
    }

    /** These settings with another maximum request size, in bytes ({@code -1} for no limit). */
    public ZeroConnectionSettings withMaxRequestSize(long maxRequestSize) {
        return new ZeroConnectionSettings(maxInFlight, maxReplySize, maxRequestSize, heartbeatInterval,
                heartbeatTimeout);
    }

    /** These settings with other heartbeats (interval zero: none). */
    public ZeroConnectionSettings withHeartbeat(Duration interval, Duration timeout) {
        return new ZeroConnectionSettings(maxInFlight, maxReplySize, maxRequestSize, interval, timeout);
    }

    /** These settings with another maximum reply size, in bytes ({@code -1} for no limit). */
    public ZeroConnectionSettings withMaxReplySize(long maxReplySize) {
        return new ZeroConnectionSettings(maxInFlight, maxReplySize, maxRequestSize, heartbeatInterval,
                heartbeatTimeout);
    }

    /** The maximum reply size as people write it: {@code 4MB}, {@code 64KB}, {@code 1000B}, {@code unlimited}. */
    String describeMaxReplySize() {
        return describe(maxReplySize);
    }

    /** The maximum request size as people write it. */
    String describeMaxRequestSize() {
        return describe(maxRequestSize);
    }

    private static String describe(long size) {
        if (size < 0) {
            return "unlimited";
        }
        if (size % MB == 0) {
            return (size / MB) + "MB";
        }
        return (size % KB == 0) ? (size / KB) + "KB" : size + "B";
    }
}
