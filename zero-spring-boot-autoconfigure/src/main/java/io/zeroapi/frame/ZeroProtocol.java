package io.zeroapi.frame;

import java.util.Set;

/**
 * Zero's protocol constants that more than one layer needs: the built-in function names and the limit on a
 * function name. Error keys and texts are in {@link ZeroErrors}.
 */
public final class ZeroProtocol {

    /** The handshake a client sends on a new connection; answered {@code "connected"}. */
    public static final String CONNECT = "connect";

    /** The built-in that answers with generated Python client code. */
    public static final String GET_RPC_CONTRACT = "get_rpc_contract";

    /** A built-in name Zero keeps for itself without serving it. */
    public static final String SERVER_INFO = "__server_info__";

    /** Names Zero keeps for itself: no {@code @ZeroRpc} method may take them. */
    public static final Set<String> RESERVED_NAMES = Set.of(CONNECT, GET_RPC_CONTRACT, SERVER_INFO);

    /** Longest function name, in UTF-8 bytes (the width of the name field of a ZeroMQ request frame). */
    public static final int MAX_NAME_BYTES = 80;

    private ZeroProtocol() {
    }
}
