package io.zeroapi.frame;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A frame of Zero's TCP transport (zeroapi 1.0, "TCP-v2"): a big-endian u32 length counting the id, the flag
 * and the payload, a big-endian u32 request id, a one-byte error flag (1 for a {@code __zerror__} map), and
 * the msgpack payload. A request payload is the map {@code {"fn": name, "data": argument}}.
 *
 * @param requestId the request id (an unsigned 32-bit counter, kept in an {@code int})
 * @param error whether the payload is an error map
 * @param payload the msgpack payload
 */
public record TcpFrame(int requestId, boolean error, byte[] payload) {

    /** Bytes before the payload: length, id and flag. */
    public static final int HEADER_LENGTH = 9;

    /** Encodes the frame with its length prefix. */
    public byte[] encode() {
        int length = 5 + payload.length;
        byte[] out = new byte[4 + length];
        putInt(out, 0, length);
        putInt(out, 4, requestId);
        out[8] = (byte) (error ? 1 : 0);
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        return out;
    }

    /**
     * Parses one whole frame, length prefix included.
     * @throws ZeroFrameException if the length prefix is below 5 or does not match the bytes given
     */
    public static TcpFrame parse(byte[] frame) {
        if (frame.length < HEADER_LENGTH) {
            throw new ZeroFrameException("TCP frame of " + frame.length + " bytes is shorter than its 9-byte header");
        }
        long length = getInt(frame, 0) & 0xFFFFFFFFL;
        if (length < 5 || length != frame.length - 4) {
            throw new ZeroFrameException("TCP frame length prefix " + length + " does not match " + (frame.length - 4)
                    + " bytes after it");
        }
        byte[] payload = new byte[frame.length - HEADER_LENGTH];
        System.arraycopy(frame, HEADER_LENGTH, payload, 0, payload.length);
        return new TcpFrame(getInt(frame, 4), checkFlag(frame[8]), payload);
    }

    /**
     * Reads one frame from a stream.
     * @param maxPayload the largest payload accepted, in bytes
     * @throws ZeroFrameException if the length prefix is below 5 or over the limit
     * @throws EOFException if the stream ends before or inside a frame
     */
    public static TcpFrame read(InputStream in, int maxPayload) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        long length = data.readInt() & 0xFFFFFFFFL;
        if (length < 5) {
            throw new ZeroFrameException("TCP frame length prefix " + length + " is below the minimum of 5");
        }
        if (length - 5 > maxPayload) {
            throw new ZeroFrameException("TCP frame payload of " + (length - 5) + " bytes exceeds the limit of "
                    + maxPayload);
        }
        int requestId = data.readInt();
        boolean error = checkFlag(data.readByte());
        byte[] payload = new byte[(int) (length - 5)];
        data.readFully(payload);
        return new TcpFrame(requestId, error, payload);
    }

    private static boolean checkFlag(byte flag) {
        if (flag != 0 && flag != 1) {
            throw new ZeroFrameException("TCP frame error flag must be 0 or 1, got " + (flag & 0xFF));
        }
        return flag == 1;
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    private static int getInt(byte[] in, int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }
}
