package io.zeroapi.client;

/**
 * How a {@link ZeroConnection} to several servers spreads its calls over the connected ones.
 */
public enum LoadBalancing {

    /** Each connected server in turn. */
    ROUND_ROBIN,

    /** The connected server with the fewest calls pending on this connection (ties in turn). */
    LEAST_PENDING
}
