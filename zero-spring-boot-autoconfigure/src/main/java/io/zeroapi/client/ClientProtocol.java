package io.zeroapi.client;

/**
 * The wire protocol a {@link ZeroConnection} speaks to its server.
 */
public enum ClientProtocol {

    /** Zero's ZeroMQ protocol (Python: {@code ZeroClient(host, port)}), the default. */
    ZEROMQ,

    /** Zero 1.0's TCP protocol (Python: {@code AsyncZeroClient(host, port, protocol=AsyncTCPClient)}). */
    TCP
}
