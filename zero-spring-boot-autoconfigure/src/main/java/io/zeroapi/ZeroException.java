package io.zeroapi;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the starter throws (unchecked): the clients' failures below, and the codec's
 * ({@link io.zeroapi.codec.ZeroCodecException}), the frames' ({@link io.zeroapi.frame.ZeroFrameException}) and
 * the server's bind failures ({@link io.zeroapi.server.ZeroServerBindException},
 * {@link io.zeroapi.server.ZeroServerPortInUseException}). A client throws it as is (not a subclass) when a call cannot
 * be made or answered at all: an argument that cannot be encoded, a function name over 80 UTF-8 bytes, too
 * many calls in flight, an unusable address, or a reply that is malformed or does not fit the requested
 * return type (the cause is then the codec's {@link io.zeroapi.codec.ZeroCodecException}). Exceptions about one
 * call of one server carry its RPC and address ({@link #getRpc()}, {@link #getAddress()}).
 */
public class ZeroException extends RuntimeException {

    private final @Nullable String rpc;

    private final @Nullable String address;

    public ZeroException(String message) {
        this(message, (Throwable) null);
    }

    public ZeroException(String message, @Nullable Throwable cause) {
        super(message, cause);
        this.rpc = null;
        this.address = null;
    }

    /**
     * An exception about a call of {@code rpc} at {@code address}; the message is
     * {@code <rpc> at <address>: <problem>}.
     */
    public ZeroException(String rpc, String address, String problem) {
        super(rpc + " at " + address + ": " + problem);
        this.rpc = rpc;
        this.address = address;
    }

    /** The name of the function that was called, or {@code null} if the exception is not about one call. */
    public @Nullable String getRpc() {
        return rpc;
    }

    /** The address of the server, or {@code null} if the exception is not about one server. */
    public @Nullable String getAddress() {
        return address;
    }
}
