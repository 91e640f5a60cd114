package io.zeroapi.observation;

import io.micrometer.common.docs.KeyName;

/**
 * The keys of Zero's observations, after OpenTelemetry's RPC semantic conventions.
 */
public enum ZeroKeyNames implements KeyName {

    /** Always {@code zero} (low cardinality). */
    RPC_SYSTEM_NAME("rpc.system.name"),

    /** The function name; {@code _OTHER} for a name the server does not serve (low cardinality). */
    RPC_METHOD("rpc.method"),

    /** {@code OK} or the Zero error kind, see {@link io.zeroapi.ZeroCallOutcome#code()} (low cardinality). */
    RPC_STATUS_CODE("rpc.status_code"),

    /** The exception's class name on failure, the status code for a refusal, {@code none} on success. */
    ERROR_TYPE("error.type"),

    /** Where a served function runs: {@code worker}, {@code async}, {@code io}, or {@code none} (server). */
    ZERO_PATH("zero.path"),

    /** The client's name under {@code zero.clients} (client). */
    ZERO_CLIENT_NAME("zero.client.name"),

    /** The server's address (high cardinality). */
    SERVER_ADDRESS("server.address"),

    /** The server's port (high cardinality). */
    SERVER_PORT("server.port"),

    /** The caller's connection as the transport names it (server, high cardinality). */
    NETWORK_PEER_ADDRESS("network.peer.address");

    /** The value of {@link #RPC_SYSTEM_NAME}. */
    public static final String SYSTEM = "zero";

    /** The {@link #RPC_METHOD} of a function the server does not serve. */
    public static final String OTHER = "_OTHER";

    /** The {@link #ERROR_TYPE} of a call that succeeded. */
    public static final String NONE = "none";

    private final String key;

    ZeroKeyNames(String key) {
        this.key = key;
    }

    @Override
    public String asString() {
        return key;
    }
}
