package io.zeroapi.server;

/**
 * How a {@link ZeroServer} binds and how much it accepts.
 *
 * @param address interface to bind, {@code *} for all
 * @param port TCP port, 0 for a free port chosen by the system
 * @param maxMessageSize largest inbound message in bytes, -1 for no limit
 * @param maxInFlight most calls in progress at once; more are refused with "server busy"
 */
public record ZeroServerSettings(String address, int port, long maxMessageSize, int maxInFlight) {

    public ZeroServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
    }

    /** The endpoint to bind, {@code tcp://address:*} for port 0. */
    String bindEndpoint() {
        return "tcp://" + address + ":" + (port == 0 ? "*" : Integer.toString(port));
    }
}
