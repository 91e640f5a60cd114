package io.zeroapi.frame;

/**
 * A parsed Zero request as every transport delivers it to the server: the id to copy into the reply, the function
 * name, and where the msgpack argument lies in the received bytes (not copied).
 */
public interface ZeroRequest {

    /** The request id, copied back into the reply. */
    byte[] id();

    /** The function name. */
    String function();

    /** The received bytes holding the argument. */
    byte[] frame();

    /** Where the argument starts in {@link #frame()}. */
    int payloadOffset();

    /** Number of argument bytes; 0 when the caller sent no argument. */
    int payloadLength();

    /** Whether the request carries an argument. */
    default boolean hasPayload() {
        return payloadLength() > 0;
    }
}
